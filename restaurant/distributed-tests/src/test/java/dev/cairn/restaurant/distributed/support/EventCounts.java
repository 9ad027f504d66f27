package dev.cairn.restaurant.distributed.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the log holds about some orders, read straight from PostgreSQL. */
public final class EventCounts {

    private static final String ENTITY = "substr(stream_id, strpos(stream_id, '-') + 1)";

    private EventCounts() {}

    /** How many events of each type the orders' streams hold (order-, verification-, ticket-, payment-, delivery-<id>). */
    public static Map<String, Long> byType(TestDatabase database, Collection<String> orderIds) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = database.connect();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT type, count(*) FROM cairn.events WHERE " + ENTITY + " = ANY(?) GROUP BY type")) {
            ps.setArray(1, c.createArrayOf("text", orderIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    /** Event types recorded more than once in one of the orders' streams, as {@code stream type×count}. */
    public static List<String> repeated(TestDatabase database, Collection<String> orderIds) throws SQLException {
        List<String> repeated = new ArrayList<>();
        try (Connection c = database.connect();
                PreparedStatement ps = c.prepareStatement("SELECT stream_id, type, count(*) FROM cairn.events WHERE "
                        + ENTITY + " = ANY(?) GROUP BY stream_id, type HAVING count(*) > 1")) {
            ps.setArray(1, c.createArrayOf("text", orderIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    repeated.add(rs.getString(1) + " " + rs.getString(2) + "×" + rs.getLong(3));
                }
            }
        }
        return repeated;
    }

    /** Events a processor gave up on. */
    public static List<String> parked(TestDatabase database) throws SQLException {
        List<String> parked = new ArrayList<>();
        try (Connection c = database.connect();
                PreparedStatement ps =
                        c.prepareStatement("SELECT processor, stream_id, type, error FROM cairn.parked_events");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                parked.add(rs.getString(1) + ": " + rs.getString(2) + " " + rs.getString(3) + ": " + rs.getString(4));
            }
        }
        return parked;
    }
}
