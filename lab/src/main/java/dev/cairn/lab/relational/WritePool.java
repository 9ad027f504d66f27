package dev.cairn.lab.relational;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The connection pool a SQL style (the monolith, each synchronous service) writes through. */
public final class WritePool {

    private WritePool() {}

    /**
     * Auto-commit off: every unit of work commits or rolls back as one transaction. A request waits
     * at most 2 s for a connection (Hikari's default is 30 s), so a style whose database is down or
     * saturated soon answers 503 ({@code SQLTransientConnectionException}).
     */
    public static HikariDataSource open(String jdbcUrl, String poolName, int size, int minimumIdle) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName(poolName);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(minimumIdle);
        config.setAutoCommit(false);
        config.setConnectionTimeout(2_000);
        return new HikariDataSource(config);
    }
}
