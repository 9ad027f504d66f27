package dev.cairn.eventstore.postgres;

import dev.cairn.core.store.EventStoreException;
import dev.cairn.core.store.EventStoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Maps JDBC failures to the contract's exceptions. */
final class SqlErrors {

    static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {}

    /** The constraint a unique violation hit, or null when it is another failure. */
    static String violatedUniqueConstraint(SQLException e) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState()) && e instanceof PSQLException psql) {
            ServerErrorMessage message = psql.getServerErrorMessage();
            return message == null || message.getConstraint() == null ? "" : message.getConstraint();
        }
        return null;
    }

    static boolean isUnavailable(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException
                || e instanceof SQLRecoverableException
                || state == null
                || state.startsWith("08") // connection exceptions
                || state.startsWith("57") // operator intervention: shutdown, cancel, crash
                || state.startsWith("53"); // insufficient resources: too many connections, disk full
    }

    static EventStoreException translate(String operation, SQLException e) {
        if (isUnavailable(e)) {
            return new EventStoreUnavailableException(
                    "PostgreSQL unavailable during " + operation + ": " + e.getMessage(), e);
        }
        return new EventStoreException("PostgreSQL failed during " + operation + ": " + e.getMessage(), e);
    }
}
