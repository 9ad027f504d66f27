package dev.cairn.eventstore.postgres;

import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.RecordedEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One partition of a {@link PartitionedProcessor}, as its handler sees it: which streams it covers
 * and how to commit a read model's rows with the partition's checkpoint, fenced by the lease.
 */
public final class Partition {

    private final String processor;
    private final PartitionKey key;
    private final int index;
    private final int count;
    private final String owner;
    private final PostgresCheckpointStore checkpoints;

    Partition(
            String processor,
            PartitionKey key,
            int index,
            int count,
            String owner,
            PostgresCheckpointStore checkpoints) {
        this.processor = processor;
        this.key = key;
        this.index = index;
        this.count = count;
        this.owner = owner;
        this.checkpoints = checkpoints;
    }

    public String processor() {
        return processor;
    }

    /** What decides which streams this partition covers. */
    public PartitionKey key() {
        return key;
    }

    /** 0 to {@code count() - 1}. */
    public int index() {
        return index;
    }

    public int count() {
        return count;
    }

    /** The name this partition's checkpoint and parked events are kept under: {@code processor#index}. */
    public String checkpointName() {
        return checkpointName(processor, index);
    }

    static String checkpointName(String processor, int index) {
        return processor + "#" + index;
    }

    /** Whether a stream belongs to this partition. */
    public boolean covers(String streamId) {
        return Partitions.of(key, streamId, count) == index;
    }

    /**
     * Runs {@code work} and moves this partition's checkpoint to {@code event}'s position in one
     * transaction, which commits only while this instance holds the partition's lease (a share lock
     * on the lease row keeps it from being taken over until the commit). Exactly-once effects for
     * a read model in the same database.
     *
     * @throws EventStoreUnavailableException when the lease is lost (nothing committed; the processor
     *     waits instead of counting it as the event's failure) or PostgreSQL is unreachable
     */
    public <T> T commit(RecordedEvent event, PostgresCheckpointStore.TransactionalWork<T> work) {
        return checkpoints.inTransaction("committing " + checkpointName() + " at " + event.position(), c -> {
            requireLease(c);
            T result = work.run(c);
            checkpoints.upsert(c, checkpointName(), event.position());
            return result;
        });
    }

    /**
     * Saves the checkpoint only while the lease is held, and only forward. Without waiting for the WAL flush
     * ({@code synchronous_commit = off}): a checkpoint lost in a crash of PostgreSQL only means
     * redelivering events whose effects were made idempotent anyway, and partition workers save
     * often, so this keeps their saves from competing with appends for flushes.
     */
    void saveFenced(long position) {
        checkpoints.inTransaction("saving " + checkpointName(), c -> {
            try (var statement = c.createStatement()) {
                statement.execute("SET LOCAL synchronous_commit = off");
            }
            requireLease(c);
            // Forward only: a save kept back by the throttle must not undo a later commit's checkpoint.
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO " + checkpoints.schema() + ".checkpoints (processor, position)"
                            + " VALUES (?, ?) ON CONFLICT (processor) DO UPDATE SET position = excluded.position, updated_at = now()"
                            + " WHERE " + checkpoints.schema() + ".checkpoints.position < excluded.position")) {
                ps.setString(1, checkpointName());
                ps.setLong(2, position);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private void requireLease(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + checkpoints.schema() + ".leases"
                + " WHERE processor = ? AND partition = ? AND owner = ? AND expires_at > now() FOR SHARE")) {
            ps.setString(1, processor);
            ps.setInt(2, index);
            ps.setString(3, owner);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new EventStoreUnavailableException(
                            owner + " no longer holds the lease of " + checkpointName());
                }
            }
        }
    }

    @Override
    public String toString() {
        return checkpointName() + " of " + count + " (owner " + owner + ")";
    }
}
