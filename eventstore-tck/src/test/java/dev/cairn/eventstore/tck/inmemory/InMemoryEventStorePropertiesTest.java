package dev.cairn.eventstore.tck.inmemory;

import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.store.EventStore;
import dev.cairn.eventstore.tck.EventStoreProperties;

class InMemoryEventStorePropertiesTest extends EventStoreProperties {
    @Override
    protected EventStore newStore() {
        return new InMemoryEventStore();
    }
}
