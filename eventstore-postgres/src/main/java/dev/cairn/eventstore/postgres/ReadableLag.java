package dev.cairn.eventstore.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * How far log readers trail the committed log because a transaction is still open (see
 * {@link PostgresEventStore#readableLag()}).
 *
 * @param committedNotReadable   committed events at or above the readable horizon
 * @param oldestNotReadableAge   how long the oldest of them has been waiting, zero when none
 * @param oldestOpenTransactionAge how long the oldest transaction holding an xid has been open in
 *                               the cluster (the one holding the horizon back), zero when none
 */
public record ReadableLag(long committedNotReadable, Duration oldestNotReadableAge, Duration oldestOpenTransactionAge) {

    static ReadableLag measure(Connection connection, String schema) throws SQLException {
        String sql = "SELECT count(*), coalesce(extract(epoch FROM clock_timestamp() - min(recorded_at)), 0),"
                + " (SELECT coalesce(extract(epoch FROM clock_timestamp() - min(xact_start)), 0)"
                + "    FROM pg_stat_activity WHERE backend_xid IS NOT NULL)"
                + " FROM " + schema + ".events WHERE position >= " + LogReader.HORIZON;
        try (PreparedStatement ps = connection.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new ReadableLag(rs.getLong(1), seconds(rs.getDouble(2)), seconds(rs.getDouble(3)));
        }
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos((long) (Math.max(0, seconds) * 1e9));
    }
}
