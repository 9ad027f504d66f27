package dev.cairn.lab.crud;

import dev.cairn.lab.Trace;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.lab.Databases;
import dev.cairn.lab.Fault;
import dev.cairn.lab.Fixture;
import dev.cairn.lab.HistoryStep;
import dev.cairn.lab.LabEnvironment;
import dev.cairn.lab.Message;
import dev.cairn.lab.OrderFacts;
import dev.cairn.lab.StyleRun;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The monolith running on its own database, with the faults that apply to it. */
final class CrudRun implements StyleRun {

    static final String DATABASE = "crud";
    static final Fixture FIXTURE = new Fixture("consumer-1", "consumer-never-registered", "restaurant-1", "curry", 1_250);

    private final LabEnvironment environment;
    private final String jdbcUrl;
    private final Clock clock;
    private final Trace trace;
    private final Rows rows;
    private final AtomicLong gatewayDelayMillis = new AtomicLong();
    private final int port;
    private volatile Monolith monolith;

    private CrudRun(LabEnvironment environment, String jdbcUrl, Clock clock) {
        this.environment = environment;
        this.jdbcUrl = jdbcUrl;
        this.clock = clock;
        this.trace = new Trace(clock);
        this.rows = new Rows(observer(jdbcUrl));
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
    public Fixture fixture() {
        return FIXTURE;
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
    public List<OrderFacts> facts() throws SQLException {
        return rows.facts();
    }

    @Override
    public List<HistoryStep> history(String orderId) throws SQLException {
        return rows.history(orderId);
    }

    @Override
    public List<Message> journey(String orderId) {
        return trace.journey(orderId);
    }

    @Override
    public void close() throws SQLException {
        try {
            monolith.stop();
        } finally {
            rows.close();
            Databases.drop(environment, DATABASE);
        }
    }

    /** The lab's own reader of the monolith's tables: it survives the monolith's crash. */
    private static HikariDataSource observer(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("crud-observer");
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        config.setReadOnly(true);
        return new HikariDataSource(config);
    }
}
