package dev.cairn.eventstore.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own for one test class, created on the machine's PostgreSQL and dropped
 * afterwards. PostgreSQL being unreachable fails the test: nothing here skips.
 * {@code CAIRN_PG_SERVER} overrides the server ({@code jdbc:postgresql://127.0.0.1:5432/}).
 */
final class TestDatabase implements AutoCloseable {

    static final String SERVER = System.getenv().getOrDefault("CAIRN_PG_SERVER", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = "?user=postgres";

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    static TestDatabase create() {
        String name =
                "cairn_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("CREATE DATABASE " + name);
        return new TestDatabase(name);
    }

    String name() {
        return name;
    }

    String url() {
        return SERVER + name + USER;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres" + USER);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + SERVER + " is needed by this test and failed: " + e.getMessage(), e);
        }
    }
}
