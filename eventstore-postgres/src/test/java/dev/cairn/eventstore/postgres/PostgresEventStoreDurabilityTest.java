package dev.cairn.eventstore.postgres;

import dev.cairn.core.store.EventStore;
import dev.cairn.eventstore.tck.DurableEventStoreContract;
import org.junit.jupiter.api.AutoClose;

/** Requirement 8: a closed store opened again on the same schema holds everything acknowledged. */
class PostgresEventStoreDurabilityTest extends DurableEventStoreContract {

    @AutoClose
    private static final TestDatabase database = TestDatabase.create();

    @Override
    protected EventStore newStore() {
        return PostgresStores.fresh(database);
    }

    @Override
    protected EventStore reopen(EventStore closed) {
        return PostgresStores.open(database, ((PostgresEventStore) closed).schema());
    }
}
