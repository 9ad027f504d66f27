package dev.cairn.eventstore.postgres;

import dev.cairn.core.store.EventStore;
import dev.cairn.eventstore.tck.DurableEventStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Requirement 8: a closed store opened again on the same schema holds everything acknowledged. */
class PostgresEventStoreDurabilityTest extends DurableEventStoreContract {

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

    @Override
    protected EventStore reopen(EventStore closed) {
        return PostgresStores.open(database, ((PostgresEventStore) closed).schema());
    }
}
