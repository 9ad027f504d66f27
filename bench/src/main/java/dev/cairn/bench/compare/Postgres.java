package dev.cairn.bench.compare;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server every PostgreSQL-backed system runs on. Each system gets a database of its
 * own, created before its runs and dropped after, so no system reads another's tables or bloat.
 */
final class Postgres {
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^/?]+)(?:/([^?]*))?(?:\\?(.*))?");

    private final String hostPort;
    private final String adminDatabase;
    private final String query;
    private final String user;

    private Postgres(String hostPort, String adminDatabase, String query, String user) {
        this.hostPort = hostPort;
        this.adminDatabase = adminDatabase;
        this.query = query;
        this.user = user;
    }

    /** From a JDBC URL such as {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}; its database is used only to create and drop others. */
    static Postgres of(String jdbcUrl) {
        Matcher m = JDBC.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        String query = m.group(3) == null ? "" : m.group(3);
        Matcher user = Pattern.compile("(?:^|&)user=([^&]*)").matcher(query);
        String database = m.group(2) == null || m.group(2).isEmpty() ? "postgres" : m.group(2);
        return new Postgres(m.group(1), database, query, user.find() ? user.group(1) : "postgres");
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + hostPort + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }

    /**
     * The pool both JDBC peers (Axon's JDBC engine and plain JDBC) write through: auto-commit off, so
     * each append or command commits one transaction of its own, and {@code reWriteBatchedInserts},
     * so a JDBC batch of inserts reaches the server as multi-row statements.
     */
    static HikariDataSource batchingPool(String jdbcUrl, int connections, String poolName) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true");
        config.setMaximumPoolSize(connections);
        config.setAutoCommit(false);
        config.setPoolName(poolName);
        return new HikariDataSource(config);
    }

    /** The same server as a libpq URL, for psql and pgbench. */
    String libpqUrl(String database) {
        return URI.create("postgresql://" + user + "@" + hostPort + "/" + database)
                .toString();
    }

    boolean reachable() {
        try (Connection c = DriverManager.getConnection(jdbcUrl(adminDatabase))) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Creates the database afresh (dropping a leftover of an interrupted run) and returns its JDBC URL. */
    String create(String database) {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        admin("CREATE DATABASE " + database);
        return jdbcUrl(database);
    }

    void drop(String database) {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(adminDatabase));
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }
}
