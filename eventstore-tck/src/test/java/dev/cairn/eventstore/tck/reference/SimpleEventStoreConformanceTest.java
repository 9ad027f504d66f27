package dev.cairn.eventstore.tck.reference;

import dev.cairn.core.store.EventStore;
import dev.cairn.eventstore.tck.EventStoreContract;

/**
 * The kit on a plain store with gapped positions and its own retry detection, so a failure on another
 * store is that store's. Its subscriptions are core's default ({@code LogFollower}), so it shares that
 * class's faults.
 */
class SimpleEventStoreConformanceTest extends EventStoreContract {
    @Override
    protected EventStore newStore() {
        return new SimpleEventStore();
    }
}
