package dev.cairn.core.processing;

import dev.cairn.core.query.ProcessedPosition;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.EventStoreCorruptException;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.PositionWaiter;
import dev.cairn.core.store.RecordedEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A tracking consumer of the log: reads events after its checkpoint in log order (so in order per
 * stream), runs its handler, and saves its checkpoint. A failing event is retried with backoff and
 * after the last attempt parked with its error, and the processor goes on. While the store is
 * unreachable it waits and resumes by itself.
 *
 * <pre>{@code
 * var processor = TrackingProcessor.builder("order-history", store, handler).checkpoints(checkpoints).build();
 * processor.start();
 * processor.awaitPosition(commandPosition, Duration.ofSeconds(5)); // read-your-writes
 * }</pre>
 */
public final class TrackingProcessor implements ProcessedPosition, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TrackingProcessor.class.getName());
    private static final Duration IDLE_WAIT = Duration.ofMillis(250);
    private static final Duration UNAVAILABLE_BACKOFF = Duration.ofMillis(500);
    private static final long CHECKPOINT_INTERVAL_NANOS = Duration.ofMillis(100).toNanos();

    private final String name;
    private final EventStore store;
    private final EventHandler handler;
    private final EventFilter filter;
    private final CheckpointStore checkpoints;
    private final RetryPolicy retry;
    private final int batchSize;
    private final int concurrency;
    private final Function<RecordedEvent, String> partitionKey;
    private final Clock clock;
    private final Ticker ticker;
    private final PositionWaiter progress = new PositionWaiter(0);

    private volatile boolean running;
    private volatile String stoppedBecause = "";
    private long savedPosition;
    private long lastSaveNanos;
    private boolean saveFailing;
    private Thread thread;

    private TrackingProcessor(Builder builder) {
        this.name = builder.name;
        this.store = builder.store;
        this.handler = builder.handler;
        this.filter = builder.filter;
        this.checkpoints = builder.checkpoints;
        this.retry = builder.retry;
        this.batchSize = builder.batchSize;
        this.concurrency = builder.concurrency;
        this.partitionKey = builder.partitionKey != null ? builder.partitionKey : handler::partitionKey;
        this.clock = builder.clock;
        this.ticker = builder.ticker;
    }

    public static Builder builder(String name, EventStore store, EventHandler handler) {
        return new Builder(name, store, handler);
    }

    public String name() {
        return name;
    }

    /** Starts reading after the saved checkpoint, on a thread of its own. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stoppedBecause = "";
        thread = Thread.ofPlatform().daemon().name("cairn-processor-" + name).start(this::run);
    }

    /** Stops after the event in hand and saves the checkpoint. */
    public synchronized void stop() {
        running = false;
        Thread current = thread;
        if (current != null && current != Thread.currentThread()) {
            current.interrupt();
            try {
                current.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** Forgets all progress and replays the log from the start: the handler rebuilds what it builds. */
    public synchronized void reset() throws Exception {
        boolean wasRunning = running;
        stop();
        handler.reset();
        checkpoints.save(name, 0);
        publish(0);
        if (wasRunning) {
            start();
        }
    }

    @Override
    public long position() {
        return progress.position();
    }

    @Override
    public boolean awaitPosition(long target, Duration timeout) throws InterruptedException {
        return progress.awaitAtLeast(target, timeout);
    }

    public ProcessorStatus status() {
        long head;
        try {
            head = store.headPosition();
        } catch (RuntimeException unavailable) {
            head = position();
        }
        long position = position();
        return new ProcessorStatus(
                name,
                position,
                Math.max(0, head - position),
                checkpoints.parked(name).size(),
                running,
                stoppedBecause);
    }

    public List<ParkedEvent> parked() {
        return checkpoints.parked(name);
    }

    /**
     * Runs the handler once more on a parked event.
     *
     * @return true when it succeeded and the event is no longer parked
     */
    public boolean replayParked(long parkedPosition) {
        for (ParkedEvent parked : checkpoints.parked(name)) {
            if (parked.event().position() == parkedPosition) {
                try {
                    handler.handle(parked.event());
                    checkpoints.unpark(name, parkedPosition);
                    return true;
                } catch (Exception e) {
                    checkpoints.park(
                            new ParkedEvent(name, parked.event(), describe(e), parked.attempts() + 1, clock.instant()));
                    return false;
                }
            }
        }
        throw new IllegalArgumentException("processor " + name + " has no parked event at position " + parkedPosition);
    }

    private void run() {
        try {
            long start = checkpoints.load(name);
            handler.starting(start);
            savedPosition = start;
            publish(start);
            while (running) {
                try {
                    pollOnce();
                } catch (EventStoreUnavailableException unavailable) {
                    LOG.log(System.Logger.Level.DEBUG, "processor {0}: event store unavailable, waiting", name);
                    Thread.sleep(UNAVAILABLE_BACKOFF);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "processor " + name + " stopped", e);
            stoppedBecause = e instanceof EventStoreCorruptException ? e.getMessage() : describe(e);
            running = false;
        } finally {
            // stop() interrupts this thread; an interrupted thread cannot write a file channel,
            // so the flag is set aside for the last checkpoint and restored after it.
            boolean interrupted = Thread.interrupted();
            saveCheckpoint(true);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void pollOnce() throws InterruptedException {
        long head = store.headPosition();
        List<RecordedEvent> page = store.readAll(position(), batchSize, filter);
        if (concurrency > 1 && page.size() > 1) {
            processConcurrently(page);
        } else {
            for (RecordedEvent event : page) {
                if (!running) {
                    return;
                }
                process(event);
                publish(event.position());
            }
        }
        boolean caughtUp = page.size() < batchSize;
        if (caughtUp && head > position()) {
            publish(head);
        }
        // At most every CHECKPOINT_INTERVAL, caught up or not: a durable save costs an fsync, which
        // must not sit between every event and the next hop of a choreography. Redelivery after a
        // crash is bounded by the interval and absorbed by idempotent handlers.
        saveCheckpoint(false);
        if (caughtUp) {
            store.awaitHeadAfter(position(), IDLE_WAIT);
        }
    }

    /**
     * Handles a page in lanes by partition key: one lane's events in log order, lanes at the same
     * time (on virtual threads, so a handler blocked on a durable append costs no carrier thread).
     * The position moves past the page only once every lane is done, so a crash redoes the page.
     */
    private void processConcurrently(List<RecordedEvent> page) throws InterruptedException {
        List<List<RecordedEvent>> lanes = new ArrayList<>(concurrency);
        for (int i = 0; i < concurrency; i++) {
            lanes.add(new ArrayList<>());
        }
        for (RecordedEvent event : page) {
            lanes.get(Math.floorMod(partitionKey.apply(event).hashCode(), concurrency))
                    .add(event);
        }
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>(concurrency);
            for (List<RecordedEvent> lane : lanes) {
                if (!lane.isEmpty()) {
                    running.add(executor.submit(() -> {
                        for (RecordedEvent event : lane) {
                            process(event);
                        }
                        return null;
                    }));
                }
            }
            for (var lane : running) {
                try {
                    lane.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof InterruptedException interrupted) {
                        throw interrupted;
                    }
                    throw new IllegalStateException("processor " + name + " lane failed", e.getCause());
                }
            }
        }
        if (running) {
            publish(page.getLast().position());
        } else {
            throw new InterruptedException("processor " + name + " stopping");
        }
    }

    private void process(RecordedEvent event) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                handler.handle(event);
                return;
            } catch (EventStoreUnavailableException unavailable) {
                // Not the event's fault: wait for the store without using up attempts.
                attempt--;
                Thread.sleep(UNAVAILABLE_BACKOFF);
            } catch (EventStoreCorruptException corrupt) {
                throw corrupt; // not the event's fault either, and waiting heals nothing: the processor stops
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (attempt >= retry.maxAttempts()) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "processor " + name + " parked " + event + " after " + attempt + " attempts",
                            e);
                    checkpoints.park(new ParkedEvent(name, event, describe(e), attempt, clock.instant()));
                    return;
                }
                Thread.sleep(retry.backoffAfter(attempt));
            }
            if (!running) {
                throw new InterruptedException("processor " + name + " stopping");
            }
        }
    }

    private void publish(long newPosition) {
        progress.moveTo(newPosition);
    }

    private void saveCheckpoint(boolean force) {
        long now = ticker.read();
        long position = position();
        if (position != savedPosition && (force || now - lastSaveNanos >= CHECKPOINT_INTERVAL_NANOS)) {
            try {
                checkpoints.save(name, position);
                savedPosition = position;
                lastSaveNanos = now;
                if (saveFailing) {
                    saveFailing = false;
                    LOG.log(System.Logger.Level.INFO, "processor " + name + " saves its checkpoint again");
                }
            } catch (RuntimeException e) {
                // Once per run of failures: a full disk fails every save, ten times a second.
                if (!saveFailing) {
                    saveFailing = true;
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "processor " + name + " cannot save its checkpoint (it retries and "
                                    + "says when it succeeds; a restart meanwhile redelivers from the last saved one): "
                                    + e.getMessage());
                }
            }
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getName() + ": " + e.getMessage();
    }

    /** Configures a {@link TrackingProcessor}. */
    public static final class Builder {
        private final String name;
        private final EventStore store;
        private final EventHandler handler;
        private EventFilter filter = EventFilter.all();
        private CheckpointStore checkpoints = new InMemoryCheckpointStore();
        private RetryPolicy retry = RetryPolicy.defaults();
        private int batchSize = 500;
        private int concurrency = 1;
        private Function<RecordedEvent, String> partitionKey;
        private Clock clock = Clock.systemUTC();
        private Ticker ticker = Ticker.system();

        private Builder(String name, EventStore store, EventHandler handler) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a processor needs a name");
            }
            this.name = name;
            this.store = Objects.requireNonNull(store, "store");
            this.handler = Objects.requireNonNull(handler, "handler");
        }

        public Builder filter(EventFilter filter) {
            this.filter = Objects.requireNonNull(filter, "filter");
            return this;
        }

        public Builder checkpoints(CheckpointStore checkpoints) {
            this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be positive");
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * How many partitions of a page may be handled at the same time (default 1). Above 1,
         * events are split by {@link EventHandler#partitionKey}, which keeps order within a key;
         * useful when handlers wait on durable appends, useless for in-memory projections.
         */
        public Builder concurrency(int concurrency) {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be positive");
            }
            this.concurrency = concurrency;
            return this;
        }

        /**
         * Which events must be handled one after the other when {@link #concurrency} is above 1,
         * instead of the handler's {@link EventHandler#partitionKey}. A reaction whose effects on
         * one entity come from several streams (an order's, its ticket's, its payment's) keys by
         * that entity, so it never sees a later event of the entity before an earlier one.
         */
        public Builder partitionBy(Function<RecordedEvent, String> key) {
            this.partitionKey = Objects.requireNonNull(key, "key");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** What the checkpoint interval is measured with (default {@link Ticker#system()}). */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        public TrackingProcessor build() {
            return new TrackingProcessor(this);
        }
    }
}
