package dev.cairn.eventstore.postgres;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.eventstore.tck.EventStoreContract;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole conformance suite against {@link PostgresEventStore#tailing()}: the head it reports and
 * waits for is the one the process already knows, and that must keep every promise of the
 * contract's head (never ahead of what is readable, never skipping, subscriptions included).
 */
class TailingViewConformanceTest extends EventStoreContract {

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
        return new Owning(PostgresStores.fresh(database));
    }

    /** The tailing view of a store it owns: closing it closes the store, as the suite expects of what it is given. */
    private static final class Owning implements EventStore {
        private final PostgresEventStore store;
        private final EventStore view;

        Owning(PostgresEventStore store) {
            this.store = store;
            this.view = store.tailing();
        }

        @Override
        public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
            return view.append(streamId, expected, events);
        }

        @Override
        public List<RecordedEvent> readStream(String streamId, long fromVersion, int maxCount) {
            return view.readStream(streamId, fromVersion, maxCount);
        }

        @Override
        public long streamVersion(String streamId) {
            return view.streamVersion(streamId);
        }

        @Override
        public List<RecordedEvent> readAll(long afterPosition, int limit, EventFilter filter) {
            return view.readAll(afterPosition, limit, filter);
        }

        @Override
        public long headPosition() {
            return view.headPosition();
        }

        @Override
        public boolean awaitHeadAfter(long position, Duration timeout) throws InterruptedException {
            return view.awaitHeadAfter(position, timeout);
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
