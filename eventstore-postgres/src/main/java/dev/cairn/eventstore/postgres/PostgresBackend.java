package dev.cairn.eventstore.postgres;

import dev.cairn.core.hosting.HostedProcessor;
import dev.cairn.core.hosting.Sharing;
import dev.cairn.core.hosting.StoreBackend;
import dev.cairn.core.hosting.Worker;
import dev.cairn.core.processing.CheckpointStore;
import dev.cairn.core.store.EventStore;
import java.util.Objects;

/**
 * PostgreSQL as an application hosts itself on it, shared by several processes: checkpoints in the
 * database, processors with effects split between the processes hosting them, and a log that the
 * application reads with the head this process already knows ({@link PostgresEventStore#tailing()}).
 *
 * <p>Every hosted processor is a {@link PartitionedProcessor} partitioned by entity
 * ({@link PartitionKey#ENTITY}: {@code order-42}, {@code ticket-42}, {@code verification-42} are
 * one entity, {@code 42}): its instances (one per process, same name) split its partitions through
 * leases, each partition with its own checkpoint ({@code name#index}); when a process dies, the
 * others take its partitions over once its leases expire. {@link Sharing#ONE_AT_A_TIME} gives a
 * processor one partition: one process runs it, the others stand by.
 */
public final class PostgresBackend implements StoreBackend {

    /** Partitions per processor unless told otherwise: two replicas get two each, and few workers poll. */
    public static final int DEFAULT_PARTITIONS = 4;

    private final PostgresEventStore store;
    private final PostgresCheckpointStore checkpoints;
    private final EventStore tailing;
    private final int partitions;

    private PostgresBackend(PostgresEventStore store, int partitions) {
        this.partitions = Partitions.requireValidCount(partitions);
        this.store = Objects.requireNonNull(store, "store");
        this.checkpoints = PostgresCheckpointStore.of(store);
        this.tailing = store.tailing();
    }

    /**
     * @param partitions per shared processor; every process sharing the database must use the same number
     */
    public static PostgresBackend on(PostgresEventStore store, int partitions) {
        return new PostgresBackend(store, partitions);
    }

    /** The log as this process's readers tail it; appends go to the store itself. */
    @Override
    public EventStore store() {
        return tailing;
    }

    @Override
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    /** The store itself, for what only it offers (its schema, the readable lag). */
    public PostgresEventStore postgres() {
        return store;
    }

    public int partitions() {
        return partitions;
    }

    @Override
    public HostedProcessor host(String name, Sharing sharing, Worker worker) {
        return PartitionedProcessor.workers(
                        name,
                        store,
                        checkpoints,
                        (partition, log) -> worker.create(new Worker.Part(partition.checkpointName(), true), log))
                .partitions(sharing == Sharing.ONE_AT_A_TIME ? 1 : partitions)
                .partitionBy(PartitionKey.ENTITY)
                .build();
    }

    @Override
    public void close() {
        store.close();
    }
}
