package dev.cairn.eventstore.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Plain versioned SQL migrations: {@code migrations/V<n>__<description>.sql} resources applied in
 * order, each recorded in {@code cairn_schema_version}. All of them run in one transaction under
 * an advisory lock, so processes starting together apply each migration exactly once and none
 * sees a half-built schema.
 */
final class Migrations {

    /** In order; a new migration is appended here and never edited once released. */
    static final List<String> ALL =
            List.of("V1__events.sql", "V2__processing.sql", "V3__entity_hash.sql", "V4__actor.sql");

    private Migrations() {}

    /** @return the schema version after migrating */
    static int migrate(Connection connection, String schema) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "cairn.migrations." + schema);
                lock.execute();
            }
            statement.execute("SET LOCAL client_min_messages = warning");
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            statement.execute(
                    "CREATE TABLE IF NOT EXISTS " + schema + ".cairn_schema_version ("
                            + "version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
            int current = currentVersion(statement, schema);
            for (int i = current; i < ALL.size(); i++) {
                apply(connection, statement, schema, i + 1, ALL.get(i));
            }
            connection.commit();
            return ALL.size();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static int currentVersion(Statement statement, String schema) throws SQLException {
        try (ResultSet rs =
                statement.executeQuery("SELECT coalesce(max(version), 0) FROM " + schema + ".cairn_schema_version")) {
            rs.next();
            int version = rs.getInt(1);
            if (version > ALL.size()) {
                throw new IllegalStateException("schema " + schema + " is at version " + version
                        + ", newer than this Cairn knows (" + ALL.size() + "): upgrade Cairn");
            }
            return version;
        }
    }

    private static void apply(Connection connection, Statement statement, String schema, int version, String file)
            throws SQLException {
        if (!file.startsWith("V" + version + "__")) {
            throw new IllegalStateException("migration " + file + " is out of order, expected V" + version);
        }
        statement.execute(resource(file).replace("${schema}", schema));
        try (PreparedStatement record = connection.prepareStatement(
                "INSERT INTO " + schema + ".cairn_schema_version (version, description) VALUES (?, ?)")) {
            record.setInt(1, version);
            record.setString(2, file.substring(file.indexOf("__") + 2, file.length() - ".sql".length()));
            record.executeUpdate();
        }
    }

    private static String resource(String file) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + file)) {
            if (in == null) {
                throw new IllegalStateException("migration resource missing: " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + file, e);
        }
    }
}
