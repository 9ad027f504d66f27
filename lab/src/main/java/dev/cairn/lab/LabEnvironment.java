package dev.cairn.lab;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a style may use: the PostgreSQL server (a JDBC URL of its maintenance database, from which a
 * style creates databases named with {@code databasePrefix} and drops them when it closes) and a
 * directory of its own for files.
 */
public record LabEnvironment(String postgresAdminUrl, Path workDirectory, String databasePrefix) {

    public LabEnvironment {
        Objects.requireNonNull(postgresAdminUrl, "postgresAdminUrl");
        Objects.requireNonNull(workDirectory, "workDirectory");
        if (!databasePrefix.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException(
                    "databasePrefix must be lower-case letters, digits and _: " + databasePrefix);
        }
    }

    /** A JDBC URL of database {@code name} on the same server as {@link #postgresAdminUrl()}. */
    public String databaseUrl(String name) {
        int slash = postgresAdminUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = postgresAdminUrl.indexOf('?', slash);
        return postgresAdminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : postgresAdminUrl.substring(query));
    }
}
