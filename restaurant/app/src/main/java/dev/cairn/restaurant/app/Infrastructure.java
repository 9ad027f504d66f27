package dev.cairn.restaurant.app;

import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.processing.CheckpointStore;
import dev.cairn.core.store.EventStore;
import dev.cairn.eventstore.postgres.PostgresCheckpointStore;
import dev.cairn.eventstore.postgres.PostgresEventStore;
import dev.cairn.restaurant.contracts.PublishedEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What every context is given: the log, where its processors keep durable checkpoints, how its
 * processors with effects are hosted, the codec of the published language, the sources of time and
 * ids (injected so tests can fix them), and where read sides may keep local snapshots.
 *
 * @param checkpoints durable checkpoints for processors with effects (reactions, process managers);
 *                    in-memory views and replicas are rebuilt from the log instead
 * @param processors  how processors with effects run: whole in this process ({@link ProcessorFactory#local}),
 *                    or shared with the other processes running them ({@link PartitionedProcessors})
 * @param snapshots   a directory where query sides keep a local snapshot of their view (loaded at
 *                    start, the log replayed after it), or null for none: rebuilt from the log
 */
public record Infrastructure(EventStore store, CheckpointStore checkpoints, EventCodec<PublishedEvent> codec,
                             Clock clock, Supplier<String> ids, ProcessorFactory processors, Path snapshots) {

    public Infrastructure {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(processors, "processors");
    }

    /** Processors run whole in this process, no snapshots. */
    public Infrastructure(EventStore store, CheckpointStore checkpoints, EventCodec<PublishedEvent> codec, Clock clock,
                          Supplier<String> ids) {
        this(store, checkpoints, codec, clock, ids, ProcessorFactory.local(store, checkpoints), null);
    }

    /** The embedded stores' way: every processor whole in this process, views rebuilt from the log. */
    public static Infrastructure of(EventStore store, CheckpointStore checkpoints) {
        return new Infrastructure(store, checkpoints, RestaurantCodec.create(), Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    /**
     * On PostgreSQL, shared by several processes: checkpoints in the database, reactions and
     * process managers split between the processes running them ({@link PartitionedProcessors},
     * {@code partitions} each, the same in every process), and views that poll the head this
     * process already knows ({@link PostgresEventStore#tailing()}).
     */
    public static Infrastructure postgres(PostgresEventStore store, int partitions) {
        PostgresCheckpointStore checkpoints = PostgresCheckpointStore.of(store);
        // The contexts' views and replicas tail the log with the head this process already knows.
        return of(store.tailing(), checkpoints).withProcessors(new PartitionedProcessors(store, checkpoints, partitions));
    }

    public Infrastructure withProcessors(ProcessorFactory processors) {
        return new Infrastructure(store, checkpoints, codec, clock, ids, processors, snapshots);
    }

    /** @param directory where query sides keep their snapshots; null for none */
    public Infrastructure withSnapshots(Path directory) {
        return new Infrastructure(store, checkpoints, codec, clock, ids, processors, directory);
    }
}
