package dev.cairn.bench.compare;

import dev.cairn.bench.jmh.OrderAggregate.Event;
import dev.cairn.core.codec.EncodedEvent;
import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.processing.InMemoryCheckpointStore;
import dev.cairn.core.processing.Processors;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;

/**
 * W3: rebuild a read model (each order's status) from a log of order events — created then
 * approved — already stored. Every system decodes every event and applies it to the same
 * {@link OrderDomain.Board}; throughput is events per second from start to the last event applied.
 * Positions/tokens are kept in memory for every system, so none pays for durable checkpoints.
 */
final class Replay {
    static final String WORKLOAD = "W3";
    private static final String UNIT = "events/s";
    private static final int PRELOAD_BATCH = 1_000;

    private final Scale scale;
    private final EventCodec<Event> codec = OrderDomain.codec();

    Replay(Scale scale) {
        this.scale = scale;
    }

    /** Stores the W3 log through a Cairn store or a peer: appends of 1,000 events to streams of their own. */
    void preload(Appends.Target target) {
        for (int from = 0; from < scale.w3Events(); from += PRELOAD_BATCH) {
            List<NewEvent> batch = new ArrayList<>(PRELOAD_BATCH);
            for (int i = from; i < Math.min(scale.w3Events(), from + PRELOAD_BATCH); i++) {
                EncodedEvent e = codec.encode(OrderDomain.event(i));
                batch.add(NewEvent.of(UUID.randomUUID(), e.type(), e.data()));
            }
            target.append("replay-" + from / PRELOAD_BATCH, ExpectedVersion.noStream(), batch);
        }
    }

    /** Stores the same log through Axon's storage engine, as domain events of aggregates of 1,000 events. */
    void preload(AxonSystem axon) {
        for (int from = 0; from < scale.w3Events(); from += PRELOAD_BATCH) {
            List<GenericDomainEventMessage<Event>> batch = new ArrayList<>(PRELOAD_BATCH);
            for (int i = from; i < Math.min(scale.w3Events(), from + PRELOAD_BATCH); i++) {
                batch.add(new GenericDomainEventMessage<>(
                        "Order", "replay-" + from / PRELOAD_BATCH, i - from, OrderDomain.event(i)));
            }
            axon.append(batch);
        }
    }

    /** Cairn: a tracking processor running the projection (default batch of 500, in-memory checkpoints). */
    Row cairn(String system, EventStore store, boolean durable, String config) {
        return timed(system, config, durable, null, board -> {
            TrackingProcessor processor = Processors.projection(
                            "w3-replay", store, codec, envelope -> board.apply(envelope.event()))
                    .checkpoints(new InMemoryCheckpointStore())
                    .build();
            return new Run(processor::start, processor::stop);
        });
    }

    /** A peer database: the simplest correct replay, pages of 1,000 in log order, decoded and applied. */
    Row peer(String system, PeerEventLog log, String config, String versus) {
        return timed(system, config, log.durable(), versus, board -> {
            Thread[] reader = new Thread[1];
            Runnable start =
                    () -> reader[0] = Thread.ofPlatform().name("w3-peer-replay").start(() -> {
                        long after = 0;
                        List<RecordedEvent> page;
                        while (!Thread.currentThread().isInterrupted()
                                && !(page = log.readAll(after, PRELOAD_BATCH)).isEmpty()) {
                            for (RecordedEvent e : page) {
                                board.apply(codec.decode(e.type(), e.data()));
                            }
                            after = page.getLast().position();
                        }
                    });
            return new Run(start, () -> join(reader[0]));
        });
    }

    /** Axon: a tracking event processor with an annotated handler, from the tail of the store, with this batch size. */
    Row axon(String system, AxonSystem axon, int batchSize, boolean durable, String config, String versus) {
        return timed(system, config, durable, versus, board -> axonRun(axon, batchSize, board));
    }

    /**
     * Axon at its best: the processor's batch size that replays fastest here, of {@code candidates}
     * (one warm-up pass first, then each candidate measured once); the row names the winner.
     */
    Row axonTuned(String system, AxonSystem axon, int[] candidates, boolean durable, String config, String versus) {
        pass(system + " warm-up", board -> axonRun(axon, candidates[candidates.length - 1], board));
        Row best = null;
        StringBuilder tried = new StringBuilder();
        for (int batchSize : candidates) {
            OrderDomain.Board board = new OrderDomain.Board();
            double seconds = pass(system + " batch " + batchSize, board, axonRun(axon, batchSize, board));
            Row row = row(system, config.formatted(batchSize), durable, versus, board, seconds);
            tried.append(tried.isEmpty() ? "" : ", ")
                    .append(batchSize)
                    .append(": ")
                    .append(Math.round(row.throughput()));
            if (best == null || row.throughput() > best.throughput()) {
                best = row;
            }
        }
        Map<String, Object> extra = Map.of("batch_sizes_tried_events_per_sec", tried.toString());
        return new Row(
                best.workload(),
                best.system(),
                best.config(),
                best.durable(),
                best.throughput(),
                best.unit(),
                best.p50Micros(),
                best.p99Micros(),
                best.done(),
                best.planned(),
                best.seconds(),
                best.load1(),
                best.versus(),
                extra);
    }

    private static Run axonRun(AxonSystem axon, int batchSize, OrderDomain.Board board) {
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name("w3-replay")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(new AxonBoard(board))
                        .build())
                .messageSource(axon.eventStore())
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize))
                .build();
        return new Run(processor::start, processor::shutDown);
    }

    /** One replay: how to start it and how to stop it once measured. */
    private record Run(Runnable start, Runnable stop) {}

    /**
     * Replays twice on the same stored log, each time into a fresh read model: the first pass warms
     * the JIT (and the caches) for this system, the second is measured.
     */
    private Row timed(
            String system, String config, boolean durable, String versus, Function<OrderDomain.Board, Run> replay) {
        pass(system + " warm-up", replay);
        OrderDomain.Board board = new OrderDomain.Board();
        double seconds = pass(system, board, replay.apply(board));
        return row(system, config, durable, versus, board, seconds);
    }

    private Row row(
            String system, String config, boolean durable, String versus, OrderDomain.Board board, double seconds) {
        long done = board.count();
        if (done == scale.w3Events() && board.approved() != done / 2) {
            throw new IllegalStateException(
                    system + ": " + board.approved() + " orders approved of " + done + " events applied");
        }
        return new Row(
                WORKLOAD,
                system,
                config,
                durable,
                done / seconds,
                UNIT,
                Double.NaN,
                Double.NaN,
                done,
                scale.w3Events(),
                seconds,
                Machine.load1(),
                versus,
                Map.of());
    }

    private void pass(String label, Function<OrderDomain.Board, Run> replay) {
        OrderDomain.Board board = new OrderDomain.Board();
        pass(label, board, replay.apply(board));
    }

    private double pass(String label, OrderDomain.Board board, Run run) {
        long events = scale.w3Events();
        long t0 = System.nanoTime();
        long deadline = t0 + scale.w3Limit().toNanos();
        try (var progress = new dev.cairn.bench.measure.Progress(WORKLOAD + " " + label, events, board::count)) {
            run.start().run();
            while (board.count() < events && System.nanoTime() < deadline) {
                Thread.sleep(Duration.ofMillis(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        run.stop().run();
        return seconds;
    }

    private static void join(Thread thread) {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The read model as an annotated Axon event handler. */
    static final class AxonBoard {
        private final OrderDomain.Board board;

        AxonBoard(OrderDomain.Board board) {
            this.board = board;
        }

        @EventHandler
        void on(Event.OrderCreated created) {
            board.apply(created);
        }

        @EventHandler
        void on(Event.OrderApproved approved) {
            board.apply(approved);
        }
    }
}
