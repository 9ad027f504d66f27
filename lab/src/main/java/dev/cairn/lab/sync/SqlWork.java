package dev.cairn.lab.sync;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done in one transaction of a service's own database. */
@FunctionalInterface
interface SqlWork<T> {

    T run(Connection tx) throws SQLException;
}
