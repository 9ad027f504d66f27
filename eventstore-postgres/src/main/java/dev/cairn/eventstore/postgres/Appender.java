package dev.cairn.eventstore.postgres;

import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.StreamIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The append statement: one round trip that reads the stream's last version, checks the
 * expectation and inserts every event of the append (arrays unnested into a multi-row insert).
 *
 * <p>Why it keeps per-stream order without any lock: the statement's snapshot is taken before its
 * transaction gets an xid (assigned by {@code pg_current_xact_id()} inside the statement), so when
 * the append is its transaction's first write, the transaction that wrote the stream's previous
 * version — committed, hence visible in that snapshot — had a smaller xid, and so a smaller
 * position. When the append is not the first write (a transaction holding several appends), the
 * statement checks it explicitly and inserts nothing if the previous version has a larger xid:
 * {@link Attempt#ordered()} is then false and the caller retries in a new transaction.
 *
 * <p>It also sends the readers' wake-up hint, {@code pg_notify}, once per transaction. PostgreSQL
 * serializes the commits of notifying transactions (a lock held through the commit's WAL flush);
 * within a process the store's single writer thread commits one group at a time anyway, so the
 * lock only orders commits of different processes, each carrying a whole group.
 *
 * <p>Contiguity: the new versions are the last committed version + 1…, and the unique
 * (stream_id, version) key makes a concurrent writer of the same versions wait for this
 * transaction and then fail with a unique violation (or succeed if this one rolls back).
 */
final class Appender {

    private final String sql;

    Appender(String schema) {
        this.sql = """
                WITH last AS (
                    SELECT version, position FROM %1$s.events WHERE stream_id = ? ORDER BY version DESC LIMIT 1
                ), head AS (
                    SELECT coalesce((SELECT version FROM last), -1) AS version,
                           coalesce((SELECT position FROM last), 0) AS position
                ), tx AS (
                    SELECT pg_current_xact_id()::text::bigint AS xid
                ), ins AS (
                    INSERT INTO %1$s.events (position, stream_id, version, event_id, type, category, stream_hash,
                                             entity_hash, recorded_at, correlation_id, causation_id, data, actor)
                    SELECT tx.xid * %2$d + ? + e.ord - 1, ?, head.version + e.ord, e.id, e.type, ?, ?, ?,
                           statement_timestamp(), e.corr, e.caus, e.data, e.actor
                    FROM head, tx, unnest(?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::bytea[], ?::text[])
                                   WITH ORDINALITY AS e(id, type, corr, caus, data, actor, ord)
                    WHERE (?::bigint = %3$d OR head.version = ?::bigint) AND head.position / %2$d <= tx.xid
                    RETURNING position
                ), hint AS (
                    SELECT pg_notify('%4$s', tx.xid::text) FROM tx WHERE EXISTS (SELECT 1 FROM ins)
                )
                SELECT head.version, head.position / %2$d <= tx.xid,
                       (SELECT count(*) FROM ins), (SELECT coalesce(max(position), 0) FROM ins), (SELECT count(*) FROM hint)
                FROM head, tx
                """.formatted(schema, Positions.MAX_EVENTS_PER_TRANSACTION, EventColumns.ANY, channel(schema));
    }

    /**
     * The channel readers LISTEN on. The append statement notifies it once per transaction
     * (PostgreSQL folds identical notifications of one transaction into one), with the xid as the
     * payload, delivered only if the transaction commits.
     */
    static String channel(String schema) {
        return schema + "_events";
    }

    /**
     * What one run of the statement did.
     *
     * @param currentVersion the stream's last committed version it saw (-1 for no stream)
     * @param ordered        false when this transaction's xid is below the stream's last event's
     *                       (only possible when the append is not the transaction's first write)
     * @param inserted       how many events it inserted: all of them or none
     * @param lastPosition   the position of the last inserted event, 0 when none
     */
    record Attempt(long currentVersion, boolean ordered, int inserted, long lastPosition) {
        long firstVersion() {
            return currentVersion + 1;
        }
    }

    /**
     * Runs the append inside the connection's current transaction (or as its own transaction in
     * auto-commit mode).
     *
     * @param indexOffset how many events this transaction appended before (so positions stay unique)
     */
    Attempt insert(
            Connection connection, String streamId, ExpectedVersion expected, List<NewEvent> events, int indexOffset)
            throws SQLException {
        if (indexOffset + events.size() > Positions.MAX_EVENTS_PER_TRANSACTION) {
            throw new IllegalArgumentException(
                    "a transaction may append at most " + Positions.MAX_EVENTS_PER_TRANSACTION + " events");
        }
        long expectedCode = EventColumns.code(expected);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int p = 1;
            ps.setString(p++, streamId);
            ps.setInt(p++, indexOffset);
            ps.setString(p++, streamId);
            ps.setString(p++, StreamIds.category(streamId));
            ps.setInt(p++, streamId.hashCode());
            ps.setInt(p++, PartitionKey.entityOf(streamId).hashCode());
            p = new EventColumns(events).bind(connection, ps, p);
            ps.setLong(p++, expectedCode);
            ps.setLong(p, expectedCode);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Attempt(rs.getLong(1), rs.getBoolean(2), rs.getInt(3), rs.getLong(4));
            }
        }
    }
}
