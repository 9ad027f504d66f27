package dev.cairn.eventstore.postgres;

import dev.cairn.core.store.EventStore;
import dev.cairn.eventstore.tck.EventStoreProperties;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The kit's concurrent property against PostgreSQL; each try gets a fresh schema. */
class PostgresEventStorePropertiesTest extends EventStoreProperties {

    private static TestDatabase database;

    @BeforeContainer
    static void createDatabase() {
        database = TestDatabase.create();
    }

    @AfterContainer
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
