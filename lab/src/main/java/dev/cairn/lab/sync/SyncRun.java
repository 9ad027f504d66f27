package dev.cairn.lab.sync;

import dev.cairn.lab.Databases;
import dev.cairn.lab.Fault;
import dev.cairn.lab.LabEnvironment;
import dev.cairn.lab.Trace;
import dev.cairn.lab.relational.SqlRun;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** The four services running, each on its own database, with the faults applied to them for real. */
final class SyncRun extends SqlRun {

    private static final List<String> DATABASES =
            List.of("sync_order", "sync_consumer", "sync_kitchen", "sync_accounting");

    private final LabEnvironment environment;
    private final AtomicLong accountingExtraMillis = new AtomicLong();
    private final Host consumer;
    private final Host kitchen;
    private final Host accounting;
    private final Host order;
    private final Map<String, String> urls;

    private SyncRun(LabEnvironment environment, Map<String, String> urls, Clock clock) {
        super(
                new Trace(clock),
                new Observer(
                        urls.get("sync_order"),
                        urls.get("sync_consumer"),
                        urls.get("sync_kitchen"),
                        urls.get("sync_accounting")));
        this.environment = environment;
        this.urls = Map.copyOf(urls);
        this.consumer = new Host("consumer", new ConsumerService(clock), urls.get("sync_consumer"));
        this.kitchen = new Host("kitchen", new KitchenService(clock), urls.get("sync_kitchen"));
        this.accounting = new Host(
                "accounting", new AccountingService(clock, accountingExtraMillis::get), urls.get("sync_accounting"));
        this.order = new Host(
                "order",
                new OrderService(
                        clock, trace, () -> new Orchestration.Peers(consumer.uri(), kitchen.uri(), accounting.uri())),
                urls.get("sync_order"));
    }

    /** The order service last: it needs to know where the others listen. */
    private void startServices() {
        consumer.start();
        kitchen.start();
        accounting.start();
        order.start();
    }

    static SyncRun start(LabEnvironment environment, Clock clock) throws Exception {
        Map<String, String> urls = createDatabases(environment, clock.instant());
        SyncRun run = new SyncRun(environment, urls, clock);
        try {
            run.startServices();
            return run;
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
    }

    /** In parallel: creating and dropping databases is most of a start's and a close's time. */
    private static Map<String, String> createDatabases(LabEnvironment environment, Instant now) throws Exception {
        Map<String, String> schemas = Map.of(
                "sync_order",
                OrderRows.SCHEMA + fixtureOfOrders(),
                "sync_consumer",
                ConsumerService.SCHEMA + ";" + fixtureOfConsumers(now),
                "sync_kitchen",
                KitchenService.SCHEMA,
                "sync_accounting",
                AccountingService.SCHEMA);
        try {
            Map<String, String> urls = new ConcurrentHashMap<>();
            inParallel(DATABASES, name -> urls.put(name, createDatabase(environment, name, schemas.get(name))));
            return urls;
        } catch (Exception e) {
            dropDatabases(environment);
            throw e;
        }
    }

    @FunctionalInterface
    private interface DatabaseWork {
        void run(String name) throws Exception;
    }

    private static void inParallel(List<String> names, DatabaseWork work) throws Exception {
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (String name : names) {
                done.add(parallel.submit(() -> {
                    work.run(name);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
    }

    private static String createDatabase(LabEnvironment environment, String name, String schema) throws SQLException {
        String url = Databases.create(environment, name);
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(schema);
        }
        return url;
    }

    private static String fixtureOfOrders() {
        return "INSERT INTO restaurants VALUES ('" + FIXTURE.restaurantId() + "', 'Lab Kitchen');"
                + "INSERT INTO menu_items VALUES ('" + FIXTURE.restaurantId() + "', '" + FIXTURE.menuItemId()
                + "', 'Lab Curry', " + FIXTURE.priceCents() + ");";
    }

    private static String fixtureOfConsumers(Instant now) {
        return "INSERT INTO consumers VALUES ('" + FIXTURE.consumerId() + "', 'Lab Consumer', true, '" + now + "', '"
                + now + "');";
    }

    private static void dropDatabases(LabEnvironment environment) throws Exception {
        inParallel(DATABASES, name -> Databases.drop(environment, name));
    }

    /** The JDBC URL of one service's database ({@code order}, {@code consumer}, {@code kitchen}, {@code accounting}). */
    String databaseOf(String service) {
        return urls.get("sync_" + service);
    }

    /** For tests: accounting takes this much more per call, like {@link Fault#ACCOUNTING_SLOW} but for longer. */
    void slowAccountingBy(long millis) {
        accountingExtraMillis.set(millis);
    }

    /** Where one of the services other than order listens. */
    URI uriOf(String service) {
        return switch (service) {
            case "consumer" -> consumer.uri();
            case "kitchen" -> kitchen.uri();
            case "accounting" -> accounting.uri();
            default -> throw new IllegalArgumentException("no service " + service);
        };
    }

    @Override
    public URI orderApi() {
        return order.uri();
    }

    @Override
    public void inject(Fault fault) {
        switch (fault) {
            case KITCHEN_DOWN -> kitchen.stop();
            case ACCOUNTING_SLOW -> accountingExtraMillis.set(Fault.ACCOUNTING_DELAY_MS);
            case ORDER_CRASH -> order.kill();
        }
    }

    @Override
    public void heal(Fault fault) {
        switch (fault) {
            case KITCHEN_DOWN -> kitchen.start();
            case ACCOUNTING_SLOW -> accountingExtraMillis.set(0);
            case ORDER_CRASH -> order.start();
        }
    }

    @Override
    protected void stopServices() {
        for (Host host : List.of(order, consumer, kitchen, accounting)) {
            host.stopIfRunning();
        }
    }

    @Override
    protected void dropDatabases() throws Exception {
        dropDatabases(environment);
    }
}
