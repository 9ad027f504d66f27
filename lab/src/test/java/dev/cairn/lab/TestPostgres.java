package dev.cairn.lab;

import java.sql.DriverManager;
import java.sql.SQLException;

/** The PostgreSQL server the lab's tests use; missing, it fails the tests (under CI and everywhere else). */
final class TestPostgres {

    private TestPostgres() {}

    static String adminUrl() {
        String url = System.getenv()
                .getOrDefault("CAIRN_TEST_PG_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        try (var connection = DriverManager.getConnection(url)) {
            return url;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "the styles lab's tests need PostgreSQL at " + url + ": " + e.getMessage(), e);
        }
    }
}
