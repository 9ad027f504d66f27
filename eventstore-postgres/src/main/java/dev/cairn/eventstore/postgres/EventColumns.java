package dev.cairn.eventstore.postgres;

import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * What the append statements take of the events and expectations they insert, shared by the single
 * and the group append so that both pass them the same way: the events as one array per column,
 * which the statement unnests {@code WITH ORDINALITY} ({@code id, type, corr, caus, data, actor}),
 * and an expected version as one number.
 */
final class EventColumns {

    /** Encodes {@link ExpectedVersion.Any} for the statements (-1 is "no stream", versions are >= 0). */
    static final long ANY = -2;

    /** The SQL type of each column, in the order the statements unnest them. */
    private static final List<String> TYPES = List.of("uuid", "text", "uuid", "uuid", "bytea", "text");

    private final Object[][] columns;

    EventColumns(List<NewEvent> events) {
        int n = events.size();
        // Typed arrays: the driver encodes an array by its class (byte[][] as bytea, not as strings).
        UUID[] ids = new UUID[n];
        String[] types = new String[n];
        UUID[] correlations = new UUID[n];
        UUID[] causations = new UUID[n];
        byte[][] data = new byte[n][];
        String[] actors = new String[n];
        for (int i = 0; i < n; i++) {
            NewEvent e = events.get(i);
            ids[i] = e.eventId();
            types[i] = e.type();
            correlations[i] = e.correlationId();
            causations[i] = e.causationId();
            data[i] = e.data();
            actors[i] = e.actor();
        }
        this.columns = new Object[][] {ids, types, correlations, causations, data, actors};
    }

    /** Binds the columns as arrays to the parameters from {@code first} on; returns the index after them. */
    int bind(Connection connection, PreparedStatement ps, int first) throws SQLException {
        for (int c = 0; c < columns.length; c++) {
            ps.setArray(first + c, connection.createArrayOf(TYPES.get(c), columns[c]));
        }
        return first + columns.length;
    }

    /** An expected version as the statements compare it with the stream's last version. */
    static long code(ExpectedVersion expected) {
        return switch (expected) {
            case ExpectedVersion.Any any -> ANY;
            case ExpectedVersion.NoStream noStream -> ExpectedVersion.NO_STREAM_VERSION;
            case ExpectedVersion.Exact exact -> exact.version();
        };
    }
}
