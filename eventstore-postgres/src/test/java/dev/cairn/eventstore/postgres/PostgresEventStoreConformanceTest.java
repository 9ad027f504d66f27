package dev.cairn.eventstore.postgres;

import dev.cairn.core.store.EventStore;
import dev.cairn.eventstore.tck.EventStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The whole conformance suite against the machine's PostgreSQL; each test gets a fresh schema. */
class PostgresEventStoreConformanceTest extends EventStoreContract {

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected EventStore newStore() {
        return PostgresStores.fresh(database);
    }
}
