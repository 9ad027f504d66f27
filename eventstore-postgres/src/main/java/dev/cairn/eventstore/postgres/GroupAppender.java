package dev.cairn.eventstore.postgres;

import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.StreamIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The group append statement: several appends, each to a different stream, in one statement and
 * so one transaction and one commit. Each append is checked against its own expected version and
 * inserted whole or not at all; positions number the group's events in order after the
 * transaction's xid, exactly as a single append's would. Being the transaction's only statement,
 * it is its first write, which is what keeps per-stream order (see {@link Appender}).
 */
final class GroupAppender {

    private final String sql;

    GroupAppender(String schema) {
        this.sql =
                """
                WITH req AS (
                    SELECT * FROM unnest(?::text[], ?::text[], ?::int[], ?::int[], ?::bigint[], ?::int[])
                                  WITH ORDINALITY AS r(stream_id, category, stream_hash, entity_hash, expected, first_index, req)
                ), head AS (
                    SELECT req.*, coalesce(l.version, -1) AS current_version, coalesce(l.position, 0) AS last_position
                    FROM req LEFT JOIN LATERAL (
                        SELECT version, position FROM %1$s.events e WHERE e.stream_id = req.stream_id
                        ORDER BY version DESC LIMIT 1) l ON true
                ), tx AS (
                    SELECT pg_current_xact_id()::text::bigint AS xid
                ), ok AS (
                    SELECT head.* FROM head, tx
                    WHERE (head.expected = %3$d OR head.current_version = head.expected) AND head.last_position / %2$d <= tx.xid
                ), ev AS (
                    SELECT * FROM unnest(?::int[], ?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::bytea[], ?::text[])
                                  WITH ORDINALITY AS e(req, id, type, corr, caus, data, actor, ord)
                ), ins AS (
                    INSERT INTO %1$s.events (position, stream_id, version, event_id, type, category, stream_hash,
                                             entity_hash, recorded_at, correlation_id, causation_id, data, actor)
                    SELECT tx.xid * %2$d + ev.ord - 1, ok.stream_id, ok.current_version + ev.ord - ok.first_index,
                           ev.id, ev.type, ok.category, ok.stream_hash, ok.entity_hash, statement_timestamp(), ev.corr, ev.caus, ev.data,
                           ev.actor
                    FROM ev JOIN ok ON ok.req = ev.req, tx
                    RETURNING stream_id, position
                ), hint AS (
                    SELECT pg_notify('%4$s', tx.xid::text) FROM tx WHERE EXISTS (SELECT 1 FROM ins)
                )
                SELECT head.stream_id, head.current_version, coalesce(i.last_position, 0), coalesce(i.inserted, 0),
                       pg_snapshot_xmin(pg_current_snapshot())::text::bigint, (SELECT count(*) FROM hint)
                FROM head LEFT JOIN (SELECT stream_id, max(position) AS last_position, count(*) AS inserted
                                     FROM ins GROUP BY stream_id) i ON i.stream_id = head.stream_id
                """.formatted(schema, Positions.MAX_EVENTS_PER_TRANSACTION, EventColumns.ANY, Appender.channel(schema));
    }

    /** One append of a group; streams are distinct within a group. */
    record Append(String streamId, ExpectedVersion expected, List<NewEvent> events) {}

    /** What the statement did for one append: all its events inserted, or none. */
    record Outcome(long currentVersion, long lastPosition, int inserted) {}

    /**
     * What the group statement did.
     *
     * @param outcomes   by stream id
     * @param horizonXid the readable horizon when the statement started: every transaction with a
     *                   smaller xid had ended (it confirms earlier groups at no extra round trip)
     */
    record Result(Map<String, Outcome> outcomes, long horizonXid) {}

    /** Runs the group as one auto-committed statement. */
    Result insert(Connection connection, List<Append> appends) throws SQLException {
        int requests = appends.size();
        int total = appends.stream().mapToInt(a -> a.events().size()).sum();
        if (total > Positions.MAX_EVENTS_PER_TRANSACTION) {
            throw new IllegalArgumentException(
                    "a group may carry at most " + Positions.MAX_EVENTS_PER_TRANSACTION + " events");
        }
        String[] streams = new String[requests];
        String[] categories = new String[requests];
        Integer[] hashes = new Integer[requests];
        Integer[] entityHashes = new Integer[requests];
        Long[] expected = new Long[requests];
        Integer[] firstIndexes = new Integer[requests];
        Integer[] owners = new Integer[total];
        List<NewEvent> events = new ArrayList<>(total);
        for (int r = 0; r < requests; r++) {
            Append append = appends.get(r);
            streams[r] = append.streamId();
            categories[r] = StreamIds.category(append.streamId());
            hashes[r] = append.streamId().hashCode();
            entityHashes[r] = PartitionKey.entityOf(append.streamId()).hashCode();
            expected[r] = EventColumns.code(append.expected());
            firstIndexes[r] = events.size();
            for (NewEvent event : append.events()) {
                owners[events.size()] = r + 1;
                events.add(event);
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, connection.createArrayOf("text", streams));
            ps.setArray(2, connection.createArrayOf("text", categories));
            ps.setArray(3, connection.createArrayOf("int4", hashes));
            ps.setArray(4, connection.createArrayOf("int4", entityHashes));
            ps.setArray(5, connection.createArrayOf("int8", expected));
            ps.setArray(6, connection.createArrayOf("int4", firstIndexes));
            ps.setArray(7, connection.createArrayOf("int4", owners));
            new EventColumns(events).bind(connection, ps, 8);
            Map<String, Outcome> outcomes = new HashMap<>();
            long horizonXid = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    outcomes.put(rs.getString(1), new Outcome(rs.getLong(2), rs.getLong(3), rs.getInt(4)));
                    horizonXid = rs.getLong(5);
                }
            }
            return new Result(outcomes, horizonXid);
        }
    }
}
