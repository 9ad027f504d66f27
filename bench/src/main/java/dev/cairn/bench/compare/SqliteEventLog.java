package dev.cairn.bench.compare;

import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.WrongExpectedVersionException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * SQLite (xerial driver) as an event store: WAL journal, {@code synchronous=FULL} (each commit is
 * fsynced: durable), one write connection shared by all writers under a lock (SQLite has one
 * writer at a time; a connection per writer only adds busy-wait retries), a separate connection
 * for reads. The log position is the rowid.
 */
final class SqliteEventLog implements PeerEventLog {
    private static final String COLUMNS =
            "position, stream_id, version, event_id, type, recorded_at, correlation_id, causation_id, data";

    private final Connection writer;
    private final Connection reader;
    private final PreparedStatement versionOf;
    private final PreparedStatement insert;
    private final PreparedStatement page;
    // Not fair: handing the lock to the longest waiter costs a context switch per commit, which on
    // a loaded machine cut throughput by 3-4x; barging keeps SQLite at its best, with a long tail.
    private final ReentrantLock writeLock = new ReentrantLock();

    SqliteEventLog(Path file) {
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            config.setBusyTimeout(30_000);
            writer = config.createConnection("jdbc:sqlite:" + file);
            try (Statement s = writer.createStatement()) {
                s.execute(
                        "CREATE TABLE IF NOT EXISTS events (position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, version INTEGER NOT NULL,"
                                + " event_id BLOB NOT NULL UNIQUE, type TEXT NOT NULL, recorded_at INTEGER NOT NULL, correlation_id BLOB NOT NULL,"
                                + " causation_id BLOB NOT NULL, data BLOB NOT NULL, UNIQUE (stream_id, version))");
            }
            writer.setAutoCommit(false);
            reader = config.createConnection("jdbc:sqlite:" + file);
            versionOf = writer.prepareStatement("SELECT max(version) FROM events WHERE stream_id = ?");
            insert = writer.prepareStatement(
                    "INSERT INTO events (stream_id, version, event_id, type, recorded_at, correlation_id, causation_id, data)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            page = reader.prepareStatement(
                    "SELECT " + COLUMNS + " FROM events WHERE position > ? ORDER BY position LIMIT ?");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open SQLite at " + file, e);
        }
    }

    @Override
    public long append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        writeLock.lock();
        try {
            long current = currentVersion(streamId);
            if (!expected.matches(current)) {
                writer.rollback();
                throw new WrongExpectedVersionException(streamId, expected, current);
            }
            long now = System.currentTimeMillis();
            long version = current;
            for (NewEvent e : events) {
                insert.setString(1, streamId);
                insert.setLong(2, ++version);
                insert.setBytes(3, bytes(e.eventId()));
                insert.setString(4, e.type());
                insert.setLong(5, now);
                insert.setBytes(6, bytes(e.correlationId()));
                insert.setBytes(7, bytes(e.causationId()));
                insert.setBytes(8, e.data());
                insert.addBatch();
            }
            insert.executeBatch();
            writer.commit();
            return version;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new IllegalStateException("SQLite append to " + streamId + " failed", e);
        } finally {
            writeLock.unlock();
        }
    }

    private long currentVersion(String streamId) throws SQLException {
        versionOf.setString(1, streamId);
        try (ResultSet rs = versionOf.executeQuery()) {
            rs.next();
            long version = rs.getLong(1);
            return rs.wasNull() ? ExpectedVersion.NO_STREAM_VERSION : version;
        }
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int limit) {
        try {
            page.setLong(1, afterPosition);
            page.setInt(2, limit);
            List<RecordedEvent> events = new ArrayList<>(limit);
            try (ResultSet rs = page.executeQuery()) {
                while (rs.next()) {
                    events.add(new RecordedEvent(
                            uuid(rs.getBytes(4)),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getLong(1),
                            rs.getString(5),
                            Instant.ofEpochMilli(rs.getLong(6)),
                            uuid(rs.getBytes(7)),
                            uuid(rs.getBytes(8)),
                            rs.getBytes(9)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite read failed", e);
        }
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public void close() {
        try {
            reader.close();
            writer.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void rollbackQuietly() {
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // the append already failed; its own error is the one to report
        }
    }

    static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    static UUID uuid(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new UUID(b.getLong(), b.getLong());
    }
}
