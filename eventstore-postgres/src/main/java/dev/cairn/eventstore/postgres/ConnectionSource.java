package dev.cairn.eventstore.postgres;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a connection outside the pool, for the long-lived LISTEN and NOTIFY sessions. */
@FunctionalInterface
interface ConnectionSource {
    Connection open() throws SQLException;
}
