package dev.cairn.eventstore.tck.reference;

import dev.cairn.core.store.EventStore;
import dev.cairn.eventstore.tck.EventStoreContract;

/** The kit passes on a plain, correct store with gapped positions, so its failures elsewhere are the store's. */
class SimpleEventStoreConformanceTest extends EventStoreContract {
    @Override
    protected EventStore newStore() {
        return new SimpleEventStore();
    }
}
