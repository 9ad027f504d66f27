package dev.cairn.lab;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates and drops the databases a style owns, on the lab's PostgreSQL server. */
public final class Databases {

    private Databases() {}

    /** Creates database {@code prefix + name} (dropping a leftover of that name first) and answers its JDBC URL. */
    public static String create(LabEnvironment environment, String name) throws SQLException {
        String database = environment.databasePrefix() + name;
        try (Connection admin = DriverManager.getConnection(environment.postgresAdminUrl());
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
        return environment.databaseUrl(database);
    }

    /** Drops database {@code prefix + name}, closing whatever connections are still open to it. */
    public static void drop(LabEnvironment environment, String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(environment.postgresAdminUrl());
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + environment.databasePrefix() + name + " WITH (FORCE)");
        }
    }
}
