package dev.cairn.lab.relational;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.lab.HistoryStep;
import dev.cairn.lab.OrderFacts;
import java.sql.SQLException;
import java.util.List;

/** The lab's own reader of a SQL style's rows: what {@link dev.cairn.lab.StyleRun#facts} and {@code history} answer from. */
public interface RowReader extends AutoCloseable {

    List<OrderFacts> facts() throws SQLException;

    List<HistoryStep> history(String orderId) throws SQLException;

    @Override
    void close();

    /** A small read-only pool of the lab's own, so the reader survives the style's crash. */
    static HikariDataSource pool(String jdbcUrl, String poolName) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName(poolName);
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        config.setReadOnly(true);
        return new HikariDataSource(config);
    }
}
