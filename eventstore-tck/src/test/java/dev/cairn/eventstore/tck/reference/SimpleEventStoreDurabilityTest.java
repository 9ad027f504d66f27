package dev.cairn.eventstore.tck.reference;

import dev.cairn.core.store.EventStore;
import dev.cairn.eventstore.tck.DurableEventStoreContract;

/** The durable suite passes on a store whose volume outlives it, as a file would. */
class SimpleEventStoreDurabilityTest extends DurableEventStoreContract {
    @Override
    protected EventStore newStore() {
        return new SimpleEventStore();
    }

    @Override
    protected EventStore reopen(EventStore closed) {
        return new SimpleEventStore(((SimpleEventStore) closed).volume());
    }
}
