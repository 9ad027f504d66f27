package dev.cairn.eventstore.tck.reference;

import dev.cairn.core.store.EventStore;
import dev.cairn.eventstore.tck.EventStoreProperties;

class SimpleEventStorePropertiesTest extends EventStoreProperties {
    @Override
    protected EventStore newStore() {
        return new SimpleEventStore();
    }
}
