package dev.cairn.eventstore.tck.inmemory;

import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.store.EventStore;
import dev.cairn.eventstore.tck.EventStoreContract;

/** Core's in-memory store against the whole kit; this package is not the kit's, as in a store's own module. */
class InMemoryEventStoreConformanceTest extends EventStoreContract {
    @Override
    protected EventStore newStore() {
        return new InMemoryEventStore();
    }
}
