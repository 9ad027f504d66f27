package dev.cairn.eventstore.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * The lease statements of one processor instance. A heartbeat, in one transaction, records the
 * instance as a live member, renews its leases, and claims free or expired partitions up to its
 * fair share ({@code ceil(partitions / live members)}). Expiry is judged by PostgreSQL's clock
 * only, so the instances' clocks need not agree.
 */
final class Leases {

    private final String schema;
    private final String processor;
    private final String owner;
    private final int partitions;
    private final String ttl;

    Leases(String schema, String processor, String owner, int partitions, Duration ttl) {
        this.schema = schema;
        this.processor = processor;
        this.owner = owner;
        this.partitions = partitions;
        this.ttl = ttl.toMillis() + " milliseconds";
    }

    /** What a heartbeat left this instance with. */
    record Beat(Set<Integer> owned, int fairShare) {}

    Beat heartbeat(Connection c) throws SQLException {
        update(
                c,
                "INSERT INTO " + schema
                        + ".lease_members (processor, owner, expires_at) VALUES (?, ?, now() + ?::interval)"
                        + " ON CONFLICT (processor, owner) DO UPDATE SET expires_at = excluded.expires_at",
                processor,
                owner,
                ttl);
        update(
                c,
                "INSERT INTO " + schema + ".leases (processor, partition, owner, expires_at)"
                        + " SELECT ?, p, NULL, '-infinity' FROM generate_series(0, ? - 1) AS p ON CONFLICT DO NOTHING",
                processor,
                partitions);
        Set<Integer> owned = partitions(
                c,
                "UPDATE " + schema + ".leases SET expires_at = now() + ?::interval"
                        + " WHERE processor = ? AND owner = ? RETURNING partition",
                ttl,
                processor,
                owner);
        int members = count(
                c,
                "SELECT count(*) FROM " + schema + ".lease_members WHERE processor = ? AND expires_at > now()",
                processor);
        int fairShare = (partitions + Math.max(1, members) - 1) / Math.max(1, members);
        if (owned.size() < fairShare) {
            owned.addAll(partitions(
                    c,
                    "UPDATE " + schema + ".leases SET owner = ?, expires_at = now() + ?::interval"
                            + " WHERE processor = ? AND partition IN (SELECT partition FROM " + schema + ".leases"
                            + "   WHERE processor = ? AND (owner IS NULL OR expires_at <= now())"
                            + "   ORDER BY partition LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING partition",
                    owner,
                    ttl,
                    processor,
                    processor,
                    fairShare - owned.size()));
        }
        return new Beat(owned, fairShare);
    }

    /** Gives partitions up (their workers already stopped), for others to claim at once. */
    void release(Connection c, Set<Integer> released) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE " + schema + ".leases SET owner = NULL, expires_at = '-infinity'"
                        + " WHERE processor = ? AND owner = ? AND partition = ANY(?)")) {
            ps.setString(1, processor);
            ps.setString(2, owner);
            Array array = c.createArrayOf("integer", released.toArray());
            ps.setArray(3, array);
            ps.executeUpdate();
        }
    }

    /** Leaves the group: releases every lease and the membership. */
    void leave(Connection c) throws SQLException {
        update(
                c,
                "UPDATE " + schema
                        + ".leases SET owner = NULL, expires_at = '-infinity' WHERE processor = ? AND owner = ?",
                processor,
                owner);
        update(c, "DELETE FROM " + schema + ".lease_members WHERE processor = ? AND owner = ?", processor, owner);
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args)) {
            ps.executeUpdate();
        }
    }

    private static int count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Set<Integer> partitions(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args);
                ResultSet rs = ps.executeQuery()) {
            Set<Integer> result = new TreeSet<>();
            while (rs.next()) {
                result.add(rs.getInt(1));
            }
            return result;
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}
