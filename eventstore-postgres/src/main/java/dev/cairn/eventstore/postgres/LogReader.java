package dev.cairn.eventstore.postgres;

import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.RecordedEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The read statements. Log reads stop below the readable horizon,
 * {@code pg_snapshot_xmin(pg_current_snapshot()) * 2^16}: every transaction with a smaller xid has
 * ended, so each row below it is committed for good, and no row can ever appear below it later.
 * Stream reads need no horizon: they serve command handlers, which want the latest committed
 * version, and a committed row never rolls back.
 */
final class LogReader {

    /** The first position that may still be written: everything below it is settled. */
    static final String HORIZON = Positions.sqlFirstPositionOf("pg_snapshot_xmin(pg_current_snapshot())");

    private final String schema;
    private final String headSql;
    private final String streamSql;
    private final String versionSql;
    private final String byIdsSql;

    LogReader(String schema) {
        this.schema = schema;
        this.headSql = "SELECT coalesce(max(position), 0), pg_snapshot_xmin(pg_current_snapshot())::text::bigint FROM "
                + schema + ".events WHERE position < " + HORIZON;
        this.streamSql = "SELECT " + Rows.EVENT_COLUMNS + " FROM " + schema
                + ".events WHERE stream_id = ? AND version >= ? ORDER BY version LIMIT ?";
        this.versionSql = "SELECT coalesce(max(version), " + ExpectedVersion.NO_STREAM_VERSION + ") FROM " + schema
                + ".events WHERE stream_id = ?";
        this.byIdsSql = "SELECT " + Rows.EVENT_COLUMNS + " FROM " + schema + ".events WHERE event_id = ANY(?)";
    }

    /** The head and the horizon's xid, read in one snapshot. */
    record Head(long position, long horizonXid) {}

    long horizonXid(Connection connection) throws SQLException {
        try (PreparedStatement ps =
                        connection.prepareStatement("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Head head(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(headSql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Head(rs.getLong(1), rs.getLong(2));
        }
    }

    /**
     * Events after {@code afterPosition}, below the horizon, matching the filter and, when
     * {@code partitions > 0}, whose stream's {@code key} hashes to {@code partition} (see {@link Partitions}).
     */
    List<RecordedEvent> readAll(
            Connection connection,
            long afterPosition,
            int limit,
            EventFilter filter,
            PartitionKey key,
            int partition,
            int partitions)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(Rows.EVENT_COLUMNS)
                .append(" FROM ")
                .append(schema)
                .append(".events WHERE position > ? AND position < ")
                .append(HORIZON);
        if (!filter.categories().isEmpty()) {
            sql.append(" AND category = ANY(?)");
        }
        if (!filter.types().isEmpty()) {
            sql.append(" AND type = ANY(?)");
        }
        if (partitions > 0) {
            sql.append(" AND ")
                    .append(Partitions.sqlPartitionOf(key.column(), partitions))
                    .append(" = ?");
        }
        sql.append(" ORDER BY position LIMIT ?");
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            int p = 1;
            ps.setLong(p++, afterPosition);
            if (!filter.categories().isEmpty()) {
                ps.setArray(
                        p++,
                        connection.createArrayOf("text", filter.categories().toArray()));
            }
            if (!filter.types().isEmpty()) {
                ps.setArray(p++, connection.createArrayOf("text", filter.types().toArray()));
            }
            if (partitions > 0) {
                ps.setInt(p++, partition);
            }
            ps.setInt(p, limit);
            try (ResultSet rs = ps.executeQuery()) {
                return Rows.events(rs);
            }
        }
    }

    List<RecordedEvent> readStream(Connection connection, String streamId, long fromVersion, int maxCount)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(streamSql)) {
            ps.setString(1, streamId);
            ps.setLong(2, Math.max(0, fromVersion));
            ps.setInt(3, maxCount);
            try (ResultSet rs = ps.executeQuery()) {
                return Rows.events(rs);
            }
        }
    }

    long streamVersion(Connection connection, String streamId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(versionSql)) {
            ps.setString(1, streamId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The committed events holding any of these ids, whatever the horizon. */
    List<RecordedEvent> byEventIds(Connection connection, UUID[] ids) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(byIdsSql)) {
            ps.setArray(1, connection.createArrayOf("uuid", ids));
            try (ResultSet rs = ps.executeQuery()) {
                return Rows.events(rs);
            }
        }
    }
}
