package dev.cairn.eventstore.postgres;

import dev.cairn.core.store.EventStore;
import dev.cairn.eventstore.tck.EventStoreContract;
import org.junit.jupiter.api.AutoClose;

/** The whole conformance suite against the machine's PostgreSQL; each test gets a fresh schema. */
class PostgresEventStoreConformanceTest extends EventStoreContract {

    @AutoClose
    private static final TestDatabase database = TestDatabase.create();

    @Override
    protected EventStore newStore() {
        return PostgresStores.fresh(database);
    }
}
