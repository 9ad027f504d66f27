package dev.cairn.eventstore.postgres;

import dev.cairn.core.hosting.HostedProcessor;
import dev.cairn.core.processing.EventHandler;
import dev.cairn.core.processing.ProcessorStatus;
import dev.cairn.core.processing.RetryPolicy;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Competing consumers: every instance of a processor, in any process, runs this with the same name
 * and partition count; they split the partitions through leases in PostgreSQL. Each owned
 * partition runs a core {@link TrackingProcessor} over that partition's streams with its own
 * checkpoint ({@code name#index}), so each stream is processed by one owner at a time, in log
 * order. An instance that dies stops renewing; its leases expire after {@code leaseDuration} and
 * the others take them over at their next heartbeat.
 *
 * <pre>{@code
 * var kitchen = PartitionedProcessor.builder("kitchen", store, checkpoints, partition -> event ->
 *         partition.commit(event, connection -> updateTicket(connection, event))).partitions(8).build();
 * kitchen.start();
 * }</pre>
 *
 * <p>Or with a worker of any shape, e.g. core's typed processors, by giving a {@link WorkerFactory}:
 * <pre>{@code
 * var joins = PartitionedProcessor.workers("payments", store, checkpoints, (partition, log) ->
 *         Processors.processManager(partition.checkpointName(), log, codec, join, sender).concurrency(16))
 *         .partitionBy(PartitionKey.ENTITY).build();
 * }</pre>
 *
 * <p>As a {@link HostedProcessor} it is this process's share of the processor: {@link #stop()} hands
 * the share over, and there is no single {@link TrackingProcessor} to show ({@link #tracking()}).
 */
public final class PartitionedProcessor implements HostedProcessor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionedProcessor.class);

    /** Makes the handler of one partition, when this instance takes it. */
    @FunctionalInterface
    public interface HandlerFactory {
        EventHandler create(Partition partition);
    }

    /**
     * Makes the processor of one partition, when this instance takes it: a builder named
     * {@link Partition#checkpointName()} over {@code log} (the store as the partition sees it: its
     * streams only, in log order), with whatever filter, retry, batch size and concurrency it needs.
     * The partitioned processor sets its checkpoints (the partition's, fenced by the lease).
     */
    @FunctionalInterface
    public interface WorkerFactory {
        TrackingProcessor.Builder create(Partition partition, EventStore log);
    }

    private final Builder config;
    private final Leases leases;
    private final Map<Integer, Worker> workers = new ConcurrentSkipListMap<>();
    private final Object lifecycle = new Object();
    private Thread heartbeat;
    private volatile boolean running;
    private long lastBeatNanos;

    private PartitionedProcessor(Builder config) {
        this.config = config;
        this.leases =
                new Leases(config.store.schema(), config.name, config.owner, config.partitions, config.leaseDuration);
    }

    /** A processor whose partitions each run {@code handlers}' handler with the builder's filter, retry and batch size. */
    public static Builder builder(
            String name, PostgresEventStore store, PostgresCheckpointStore checkpoints, HandlerFactory handlers) {
        Objects.requireNonNull(handlers, "handlers");
        return new Builder(name, store, checkpoints, null).handlers(handlers);
    }

    /**
     * A processor whose partitions each run the processor {@code workers} builds; the builder's
     * filter, retry and batch size do not apply (the worker's own do).
     */
    public static Builder workers(
            String name, PostgresEventStore store, PostgresCheckpointStore checkpoints, WorkerFactory workers) {
        return new Builder(name, store, checkpoints, Objects.requireNonNull(workers, "workers"));
    }

    @Override
    public String name() {
        return config.name;
    }

    /** This instance's identity in the lease table. */
    public String owner() {
        return config.owner;
    }

    /** Joins the group: takes a fair share of the partitions at once and keeps renewing them. */
    @Override
    public void start() {
        synchronized (lifecycle) {
            if (running) {
                return;
            }
            running = true;
            lastBeatNanos = System.nanoTime();
            heartbeat = Thread.ofPlatform()
                    .daemon()
                    .name("cairn-leases-" + config.name)
                    .start(this::beatUntilStopped);
        }
    }

    /** How many partitions the streams are split into. */
    public int partitions() {
        return config.partitions;
    }

    /** What decides a stream's partition. */
    public PartitionKey partitionKey() {
        return config.key;
    }

    /** The partitions this instance is processing now. */
    public Set<Integer> ownedPartitions() {
        return new TreeSet<>(workers.keySet());
    }

    /** The status of each partition this instance processes ({@code name#index}). */
    @Override
    public List<ProcessorStatus> status() {
        return new ArrayList<>(
                workers.values().stream().map(w -> w.processor().status()).toList());
    }

    /** Empty: the partitions run one {@link TrackingProcessor} each, and they come and go. */
    @Override
    public Optional<TrackingProcessor> tracking() {
        return Optional.empty();
    }

    /** The same as {@link #close()}. */
    @Override
    public void stop() {
        close();
    }

    /** Stops processing, saves the checkpoints and hands the partitions over at once. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (!running) {
                return;
            }
            running = false;
            heartbeat.interrupt();
            try {
                heartbeat.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopWorkers(Set.copyOf(workers.keySet()));
            try {
                config.checkpoints.inTransaction("leaving " + config.name, c -> {
                    leases.leave(c);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("{}: could not release its leases, they will expire: {}", config.name, e.toString());
            }
        }
    }

    private void beatUntilStopped() {
        while (running) {
            beat();
            try {
                Thread.sleep(config.renewInterval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void beat() {
        Leases.Beat beat;
        try {
            beat = config.checkpoints.inTransaction("lease heartbeat of " + config.name, leases::heartbeat);
            lastBeatNanos = System.nanoTime();
        } catch (RuntimeException e) {
            LOG.warn("{}: lease heartbeat failed: {}", config.name, e.toString());
            if (System.nanoTime() - lastBeatNanos
                    > config.leaseDuration.minus(config.renewInterval).toNanos()) {
                // Our leases are about to expire unrenewed: stop before someone else takes them over.
                stopWorkers(Set.copyOf(workers.keySet()));
            }
            return;
        }
        Set<Integer> lost = new TreeSet<>(workers.keySet());
        lost.removeAll(beat.owned());
        stopWorkers(lost);
        Set<Integer> owned = new TreeSet<>(beat.owned());
        if (owned.size() > beat.fairShare()) {
            release(owned, owned.size() - beat.fairShare());
        }
        for (int partition : owned) {
            workers.computeIfAbsent(partition, this::startWorker);
        }
        // Checkpoints are saved at most once per renew interval; here the latest of each goes out.
        for (Worker worker : workers.values()) {
            flush(worker, worker.processor().name());
        }
    }

    /** A partition being processed here: its processor and its (fenced, throttled) checkpoints. */
    private record Worker(TrackingProcessor processor, FencedCheckpoints checkpoints) {}

    /** Hands the highest-numbered surplus partitions to newcomers: workers first, then the leases. */
    private void release(Set<Integer> owned, int surplus) {
        Set<Integer> released = new TreeSet<>();
        for (int i = 0; i < surplus; i++) {
            released.add(((TreeSet<Integer>) owned).pollLast());
        }
        stopWorkers(released);
        try {
            config.checkpoints.inTransaction("releasing leases of " + config.name, c -> {
                leases.release(c, released);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("{}: could not release {}, they will expire: {}", config.name, released, e.toString());
        }
    }

    private Worker startWorker(int index) {
        Partition partition =
                new Partition(config.name, config.key, index, config.partitions, config.owner, config.checkpoints);
        FencedCheckpoints checkpoints = new FencedCheckpoints(config.checkpoints, partition, config.renewInterval);
        TrackingProcessor worker = config.workers
                .create(partition, new PartitionView(config.store, config.key, index, config.partitions))
                .checkpoints(checkpoints)
                .build();
        if (!worker.name().equals(partition.checkpointName())) {
            throw new IllegalStateException("the worker of " + partition.checkpointName() + " is named " + worker.name()
                    + "; name it partition.checkpointName()");
        }
        worker.start();
        LOG.info("{}: {} took partition {}", config.name, config.owner, index);
        return new Worker(worker, checkpoints);
    }

    private void stopWorkers(Set<Integer> partitions) {
        for (int partition : partitions) {
            Worker worker = workers.remove(partition);
            if (worker != null) {
                worker.processor().stop();
                flush(worker, "partition " + partition + " on giving it up");
                LOG.info("{}: {} gave up partition {}", config.name, config.owner, partition);
            }
        }
    }

    /** Saves a worker's latest checkpoint, logging (not throwing) when it cannot: what follows it is redelivered. */
    private void flush(Worker worker, String which) {
        try {
            worker.checkpoints().flush();
        } catch (RuntimeException e) {
            LOG.warn("{}: could not save the checkpoint of {}: {}", config.name, which, e.toString());
        }
    }

    /** Configures a {@link PartitionedProcessor}. */
    public static final class Builder {
        private final String name;
        private final PostgresEventStore store;
        private final PostgresCheckpointStore checkpoints;
        private WorkerFactory workers;
        private int partitions = 8;
        private PartitionKey key = PartitionKey.STREAM;
        private Duration leaseDuration = Duration.ofSeconds(5);
        private Duration renewInterval = Duration.ofSeconds(1);
        private String owner = defaultOwner();
        /** The filter, retry and batch size given here, applied to each partition's processor (defaults: its own). */
        private UnaryOperator<TrackingProcessor.Builder> tuning = UnaryOperator.identity();

        private Builder(
                String name, PostgresEventStore store, PostgresCheckpointStore checkpoints, WorkerFactory workers) {
            if (name == null || name.isBlank() || name.contains("#")) {
                throw new IllegalArgumentException("a processor needs a name without '#': " + name);
            }
            this.name = name;
            this.store = Objects.requireNonNull(store, "store");
            this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
            this.workers = workers;
        }

        private Builder handlers(HandlerFactory handlers) {
            this.workers = (partition, log) -> tuning.apply(
                    TrackingProcessor.builder(partition.checkpointName(), log, handlers.create(partition)));
            return this;
        }

        /**
         * Adds a setting for each partition's processor, after the earlier ones (the last given wins).
         * The setters check their values first, so a wrong one fails when given, not later in a worker.
         */
        private Builder tune(UnaryOperator<TrackingProcessor.Builder> setting) {
            UnaryOperator<TrackingProcessor.Builder> earlier = tuning;
            tuning = worker -> setting.apply(earlier.apply(worker));
            return this;
        }

        /**
         * What decides a stream's partition (default {@link PartitionKey#STREAM}); every instance
         * must use the same. {@link PartitionKey#ENTITY} keeps all streams of one entity together,
         * which a process manager joining events of several streams of one id needs.
         */
        public Builder partitionBy(PartitionKey key) {
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /** How many partitions the streams are split into; every instance must use the same number. Default 8. */
        public Builder partitions(int partitions) {
            this.partitions = Partitions.requireValidCount(partitions);
            return this;
        }

        public Builder filter(EventFilter filter) {
            Objects.requireNonNull(filter, "filter");
            return tune(worker -> worker.filter(filter));
        }

        /**
         * How long a lease lasts unrenewed (default 5 s) and how often it is renewed (default 1 s):
         * a dead instance's partitions move within about their sum.
         */
        public Builder leases(Duration leaseDuration, Duration renewInterval) {
            if (renewInterval.isNegative()
                    || renewInterval.isZero()
                    || leaseDuration.compareTo(renewInterval.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException("a lease must last at least two renew intervals");
            }
            this.leaseDuration = leaseDuration;
            this.renewInterval = renewInterval;
            return this;
        }

        /** This instance's identity; default {@code host/pid/random}. Must differ between live instances. */
        public Builder owner(String owner) {
            if (owner == null || owner.isBlank()) {
                throw new IllegalArgumentException("owner must not be blank");
            }
            this.owner = owner;
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            Objects.requireNonNull(retry, "retry");
            return tune(worker -> worker.retry(retry));
        }

        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be positive");
            }
            return tune(worker -> worker.batchSize(batchSize));
        }

        public PartitionedProcessor build() {
            return new PartitionedProcessor(this);
        }

        private static String defaultOwner() {
            return ManagementFactory.getRuntimeMXBean().getName() + "/"
                    + UUID.randomUUID().toString().substring(0, 8);
        }
    }
}
