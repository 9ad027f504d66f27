package dev.cairn.lab.relational;

import dev.cairn.lab.Fixture;
import dev.cairn.lab.HistoryStep;
import dev.cairn.lab.Message;
import dev.cairn.lab.OrderFacts;
import dev.cairn.lab.StyleRun;
import dev.cairn.lab.Trace;
import java.sql.SQLException;
import java.util.List;

/**
 * A SQL style's run: facts and history read from the rows by the lab's {@link RowReader}, the
 * journey from the {@link Trace} (rows keep none); closing stops the services, then closes the
 * reader and drops the databases.
 */
public abstract class SqlRun implements StyleRun {

    /** What both styles seed their tables with before any service runs, so its ids are chosen, not generated. */
    protected static final Fixture FIXTURE =
            new Fixture("consumer-1", "consumer-never-registered", "restaurant-1", "curry", 1_250);

    protected final Trace trace;
    private final RowReader rows;

    protected SqlRun(Trace trace, RowReader rows) {
        this.trace = trace;
        this.rows = rows;
    }

    /** Stops every service still running; the reader is closed and the databases dropped after, even if this throws. */
    protected abstract void stopServices() throws Exception;

    /** Drops the databases the style created. */
    protected abstract void dropDatabases() throws Exception;

    @Override
    public final Fixture fixture() {
        return FIXTURE;
    }

    @Override
    public final List<OrderFacts> facts() throws SQLException {
        return rows.facts();
    }

    @Override
    public final List<HistoryStep> history(String orderId) throws SQLException {
        return rows.history(orderId);
    }

    @Override
    public final List<Message> journey(String orderId) {
        return trace.journey(orderId);
    }

    @Override
    public final void close() throws Exception {
        try {
            stopServices();
        } finally {
            rows.close();
            dropDatabases();
        }
    }
}
