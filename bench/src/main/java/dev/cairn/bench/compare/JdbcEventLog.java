package dev.cairn.bench.compare;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.WrongExpectedVersionException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * PostgreSQL through plain JDBC as an event store: one transaction per append (read the stream's
 * last version, check it, insert the events as one JDBC batch with {@code reWriteBatchedInserts}),
 * on a pool of connections; the unique {@code (stream_id, version)} key refuses a concurrent
 * writer of the same version. Durable ({@code synchronous_commit} on); PostgreSQL shares WAL
 * flushes between concurrent commits by itself.
 *
 * <p>Positions come from a {@code bigserial}, which concurrent transactions may commit out of
 * order: a tailing reader would skip events (the trap Cairn's PostgreSQL store avoids with its
 * horizon); replaying after the writes, as W3 does, is unaffected.
 */
final class JdbcEventLog implements PeerEventLog {
    private final HikariDataSource pool;

    JdbcEventLog(String jdbcUrl, int connections) {
        pool = Postgres.batchingPool(jdbcUrl, connections, "bench-jdbc");
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE IF NOT EXISTS events (position bigserial PRIMARY KEY, stream_id text NOT NULL, version bigint NOT NULL,"
                            + " event_id uuid NOT NULL UNIQUE, type text NOT NULL, recorded_at timestamptz NOT NULL, correlation_id uuid NOT NULL,"
                            + " causation_id uuid NOT NULL, data bytea NOT NULL, UNIQUE (stream_id, version))");
            c.commit();
        } catch (SQLException e) {
            pool.close();
            throw new IllegalStateException("cannot create the events table", e);
        }
    }

    @Override
    public long append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        try (Connection c = pool.getConnection()) {
            try {
                long version = appendIn(c, streamId, expected, events);
                c.commit();
                return version;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                if (e instanceof SQLException sql
                        && "23505".equals(sql.getSQLState())
                        && String.valueOf(sql.getMessage()).contains("stream_id")) {
                    throw new WrongExpectedVersionException(streamId, expected, ExpectedVersion.NO_STREAM_VERSION);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL append to " + streamId + " failed", e);
        }
    }

    private static long appendIn(Connection c, String streamId, ExpectedVersion expected, List<NewEvent> events)
            throws SQLException {
        long current;
        try (PreparedStatement q = c.prepareStatement("SELECT max(version) FROM events WHERE stream_id = ?")) {
            q.setString(1, streamId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                current = rs.getLong(1);
                current = rs.wasNull() ? ExpectedVersion.NO_STREAM_VERSION : current;
            }
        }
        if (!expected.matches(current)) {
            throw new WrongExpectedVersionException(streamId, expected, current);
        }
        long version = current;
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO events (stream_id, version, event_id, type, recorded_at, correlation_id,"
                        + " causation_id, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (NewEvent e : events) {
                insert.setString(1, streamId);
                insert.setLong(2, ++version);
                insert.setObject(3, e.eventId());
                insert.setString(4, e.type());
                insert.setTimestamp(5, now);
                insert.setObject(6, e.correlationId());
                insert.setObject(7, e.causationId());
                insert.setBytes(8, e.data());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return version;
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int limit) {
        try (Connection c = pool.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT position, stream_id, version, event_id, type, recorded_at, correlation_id, causation_id, data"
                                + " FROM events WHERE position > ? ORDER BY position LIMIT ?")) {
            q.setLong(1, afterPosition);
            q.setInt(2, limit);
            List<RecordedEvent> events = new ArrayList<>(limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    events.add(new RecordedEvent(
                            rs.getObject(4, UUID.class),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getLong(1),
                            rs.getString(5),
                            rs.getTimestamp(6).toInstant(),
                            rs.getObject(7, UUID.class),
                            rs.getObject(8, UUID.class),
                            rs.getBytes(9)));
                }
            }
            c.commit();
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL read failed", e);
        }
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public void close() {
        pool.close();
    }
}
