package dev.cairn.eventstore.postgres;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Stores for tests: one database per test class, one fresh schema per store. */
final class PostgresStores {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private PostgresStores() {}

    static PostgresEventStore fresh(TestDatabase database) {
        return open(database, "s_" + SCHEMAS.incrementAndGet());
    }

    static PostgresEventStore fresh(TestDatabase database, Duration readableWait) {
        return PostgresEventStore.open(
                database.url(), options("s_" + SCHEMAS.incrementAndGet()).withReadableWait(readableWait));
    }

    static PostgresEventStore open(TestDatabase database, String schema) {
        return PostgresEventStore.open(database.url(), options(schema));
    }

    private static PostgresOptions options(String schema) {
        return PostgresOptions.defaults().withSchema(schema).withPoolSize(6);
    }
}
