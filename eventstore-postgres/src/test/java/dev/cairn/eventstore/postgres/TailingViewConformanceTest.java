package dev.cairn.eventstore.postgres;

import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.ForwardingEventStore;
import dev.cairn.eventstore.tck.EventStoreContract;
import org.junit.jupiter.api.AutoClose;

/**
 * The whole conformance suite against {@link PostgresEventStore#tailing()}: the head it reports and
 * waits for is the one the process already knows, and that must keep every promise of the
 * contract's head (never ahead of what is readable, never skipping, subscriptions included).
 */
class TailingViewConformanceTest extends EventStoreContract {

    @AutoClose
    private static final TestDatabase database = TestDatabase.create();

    @Override
    protected EventStore newStore() {
        return new Owning(PostgresStores.fresh(database));
    }

    /** The tailing view of a store it owns: closing it closes the store, as the suite expects of what it is given. */
    private static final class Owning extends ForwardingEventStore {
        private final PostgresEventStore store;

        Owning(PostgresEventStore store) {
            super(store.tailing());
            this.store = store;
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
