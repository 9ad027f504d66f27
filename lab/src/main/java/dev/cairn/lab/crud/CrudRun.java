package dev.cairn.lab.crud;

import dev.cairn.lab.Databases;
import dev.cairn.lab.Fault;
import dev.cairn.lab.LabEnvironment;
import dev.cairn.lab.Trace;
import dev.cairn.lab.relational.RowReader;
import dev.cairn.lab.relational.SqlRun;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** The monolith running on its own database, with the faults that apply to it. */
final class CrudRun extends SqlRun {

    static final String DATABASE = "crud";

    private final LabEnvironment environment;
    private final String jdbcUrl;
    private final Clock clock;
    private final AtomicLong gatewayDelayMillis = new AtomicLong();
    private final int port;
    private volatile Monolith monolith;

    private CrudRun(LabEnvironment environment, String jdbcUrl, Clock clock) {
        // The lab's own reader of the monolith's tables: it survives the monolith's crash.
        super(new Trace(clock), new Rows(RowReader.pool(jdbcUrl, "crud-observer")));
        this.environment = environment;
        this.jdbcUrl = jdbcUrl;
        this.clock = clock;
        this.monolith = Monolith.start(jdbcUrl, 0, trace, clock, gatewayDelayMillis::get);
        this.port = monolith.port();
    }

    static CrudRun start(LabEnvironment environment, Clock clock) throws SQLException {
        String jdbcUrl = Databases.create(environment, DATABASE);
        try {
            try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
                Schema.create(connection, FIXTURE, clock.instant());
            }
            return new CrudRun(environment, jdbcUrl, clock);
        } catch (SQLException | RuntimeException e) {
            Databases.drop(environment, DATABASE);
            throw e;
        }
    }

    /** For tests: the gateway call takes this much more, like {@link Fault#ACCOUNTING_SLOW} but for longer. */
    void slowGatewayBy(long millis) {
        gatewayDelayMillis.set(millis);
    }

    /** For tests: the monolith's database. */
    String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public URI orderApi() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void inject(Fault fault) {
        switch (fault) {
            case KITCHEN_DOWN -> throw new IllegalArgumentException(CrudMonolith.NO_KITCHEN_TO_LOSE);
            case ACCOUNTING_SLOW -> gatewayDelayMillis.set(Fault.ACCOUNTING_DELAY_MS);
            case ORDER_CRASH -> monolith.kill();
        }
    }

    @Override
    public void heal(Fault fault) {
        switch (fault) {
            case KITCHEN_DOWN -> throw new IllegalArgumentException(CrudMonolith.NO_KITCHEN_TO_LOSE);
            case ACCOUNTING_SLOW -> gatewayDelayMillis.set(0);
            case ORDER_CRASH -> monolith = Monolith.start(jdbcUrl, port, trace, clock, gatewayDelayMillis::get);
        }
    }

    @Override
    protected void stopServices() {
        monolith.stop();
    }

    @Override
    protected void dropDatabases() throws SQLException {
        Databases.drop(environment, DATABASE);
    }
}
