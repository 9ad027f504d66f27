package dev.cairn.restaurant.distributed.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own ({@code cairn_test_<random>}) on the machine's PostgreSQL, dropped at the
 * end. PostgreSQL being unreachable fails the test: nothing here skips. {@code CAIRN_PG_SERVER}
 * overrides the server ({@code 127.0.0.1:5432}).
 */
public final class TestDatabase implements AutoCloseable {

    public static final String SERVER = System.getenv().getOrDefault("CAIRN_PG_SERVER", "127.0.0.1:5432");
    private static final String USER = "?user=postgres";

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    public static TestDatabase create() {
        String name =
                "cairn_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("CREATE DATABASE " + name);
        return new TestDatabase(name);
    }

    public String name() {
        return name;
    }

    /** The JDBC URL of this database on {@code host:port} (the server itself, or a proxy in front of it). */
    public String url(String hostAndPort) {
        return "jdbc:postgresql://" + hostAndPort + "/" + name + USER;
    }

    public String url() {
        return url(SERVER);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres" + USER);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + SERVER + " is needed by this test and failed: " + e.getMessage()
                            + " (start it, e.g. with .ci/run's cairn_ensure_postgres)",
                    e);
        }
    }
}
