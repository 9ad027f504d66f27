package dev.cairn.eventstore.postgres;

import dev.cairn.core.processing.CheckpointStore;
import dev.cairn.core.processing.ParkedEvent;
import dev.cairn.core.store.RecordedEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Processor checkpoints and parked events in PostgreSQL, next to the log. A read model kept in
 * the same database commits its rows and its checkpoint together with {@link #commit}, so after a
 * crash it resumes exactly after the last event whose effects it kept.
 *
 * <pre>{@code
 * var checkpoints = PostgresCheckpointStore.of(store);
 * EventHandler handler = event -> checkpoints.commit("order-history", event.position(), connection -> {
 *     try (var insert = connection.prepareStatement("INSERT INTO order_history ...")) { ...; insert.executeUpdate(); }
 *     return null;
 * });
 * }</pre>
 */
public final class PostgresCheckpointStore implements CheckpointStore {

    /** Work done in the checkpoint's transaction. */
    @FunctionalInterface
    public interface TransactionalWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final String schema;

    private PostgresCheckpointStore(DataSource dataSource, String schema) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    /** Checkpoints in the store's database and schema (created by the store's migrations). */
    public static PostgresCheckpointStore of(PostgresEventStore store) {
        return new PostgresCheckpointStore(store.dataSource(), store.schema());
    }

    @Override
    public long load(String processor) {
        return run("loading the checkpoint of " + processor, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT position FROM " + schema + ".checkpoints WHERE processor = ?")) {
                ps.setString(1, processor);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    @Override
    public void save(String processor, long position) {
        run("saving the checkpoint of " + processor, c -> {
            upsert(c, processor, position);
            return null;
        });
    }

    /**
     * Runs {@code work} and saves {@code processor}'s checkpoint at {@code position} in one
     * transaction: both commit, or neither does.
     *
     * @return what {@code work} returned
     * @throws dev.cairn.core.store.EventStoreException when the transaction fails (nothing committed);
     *     {@code EventStoreUnavailableException} when PostgreSQL cannot be reached
     */
    public <T> T commit(String processor, long position, TransactionalWork<T> work) {
        return inTransaction("committing " + processor + " at " + position, c -> {
            T result = work.run(c);
            upsert(c, processor, position);
            return result;
        });
    }

    @Override
    public void park(ParkedEvent parked) {
        RecordedEvent e = parked.event();
        String sql =
                "INSERT INTO " + schema + ".parked_events (processor, position, event_id, stream_id, version, type,"
                        + " recorded_at, correlation_id, causation_id, data, error, attempts, parked_at, actor)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (processor, position) DO UPDATE"
                        + " SET error = excluded.error, attempts = excluded.attempts, parked_at = excluded.parked_at";
        run("parking " + e, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, parked.processor());
                ps.setLong(2, e.position());
                ps.setObject(3, e.eventId());
                ps.setString(4, e.streamId());
                ps.setLong(5, e.version());
                ps.setString(6, e.type());
                ps.setTimestamp(7, Timestamp.from(e.recordedAt()));
                ps.setObject(8, e.correlationId());
                ps.setObject(9, e.causationId());
                ps.setBytes(10, e.data());
                ps.setString(11, parked.error());
                ps.setInt(12, parked.attempts());
                ps.setTimestamp(13, Timestamp.from(parked.parkedAt()));
                ps.setString(14, e.actor());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<ParkedEvent> parked(String processor) {
        String sql = "SELECT " + Rows.EVENT_COLUMNS + ", error, attempts, parked_at FROM " + schema
                + ".parked_events WHERE processor = ? ORDER BY position";
        return run("listing the parked events of " + processor, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, processor);
                try (ResultSet rs = ps.executeQuery()) {
                    List<ParkedEvent> parked = new ArrayList<>();
                    while (rs.next()) {
                        parked.add(new ParkedEvent(
                                processor,
                                Rows.event(rs),
                                rs.getString(11),
                                rs.getInt(12),
                                rs.getObject(13, OffsetDateTime.class).toInstant()));
                    }
                    return parked;
                }
            }
        });
    }

    @Override
    public void unpark(String processor, long position) {
        run("unparking " + processor + " at " + position, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM " + schema + ".parked_events WHERE processor = ? AND position = ?")) {
                ps.setString(1, processor);
                ps.setLong(2, position);
                ps.executeUpdate();
            }
            return null;
        });
    }

    String schema() {
        return schema;
    }

    void upsert(Connection c, String processor, long position) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO " + schema + ".checkpoints (processor, position) VALUES (?, ?)"
                        + " ON CONFLICT (processor) DO UPDATE SET position = excluded.position, updated_at = now()")) {
            ps.setString(1, processor);
            ps.setLong(2, position);
            ps.executeUpdate();
        }
    }

    /** Runs {@code work} in one transaction on a pooled connection. */
    <T> T inTransaction(String operation, TransactionalWork<T> work) {
        return run(operation, c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    private <T> T run(String operation, TransactionalWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw SqlErrors.translate(operation, e);
        }
    }
}
