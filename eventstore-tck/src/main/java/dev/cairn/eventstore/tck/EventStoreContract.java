package dev.cairn.eventstore.tck;

import dev.cairn.core.store.EventStore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Timeout;

/**
 * The conformance suite every event store passes: requirements 1–7 and 9 of
 * {@link dev.cairn.core.store}, one suite per requirement ({@link Requirement1AtomicAppends} …
 * {@link Requirement9Subscriptions}), and the checks every store shares beyond them (reading
 * streams, payloads, many streams, closing). A store's test module extends it with one class and
 * implements {@link #newStore()}; each test gets a fresh store and the suite closes it afterwards.
 * Durable stores also extend {@link DurableEventStoreContract} (requirement 8), and every store
 * runs {@link EventStoreProperties}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class EventStoreContract {

    /** A new, empty store. Called once per test of every suite below; the suite closes it. */
    protected abstract EventStore newStore();

    @Nested
    class AtomicAppends extends Requirement1AtomicAppends {
        @Override
        protected EventStore newStore() {
            return EventStoreContract.this.newStore();
        }
    }

    @Nested
    class OptimisticConcurrency extends Requirement2OptimisticConcurrency {
        @Override
        protected EventStore newStore() {
            return EventStoreContract.this.newStore();
        }
    }

    @Nested
    class ContiguousVersions extends Requirement3ContiguousVersions {
        @Override
        protected EventStore newStore() {
            return EventStoreContract.this.newStore();
        }
    }

    @Nested
    class GlobalPositions extends Requirement4GlobalPositions {
        @Override
        protected EventStore newStore() {
            return EventStoreContract.this.newStore();
        }
    }

    @Nested
    class ConsistentOrdering extends Requirement5ConsistentOrdering {
        @Override
        protected EventStore newStore() {
            return EventStoreContract.this.newStore();
        }
    }

    @Nested
    class TotalPropagation extends Requirement6TotalPropagation {
        @Override
        protected EventStore newStore() {
            return EventStoreContract.this.newStore();
        }
    }

    @Nested
    class IdempotentAppends extends Requirement7IdempotentAppends {
        @Override
        protected EventStore newStore() {
            return EventStoreContract.this.newStore();
        }
    }

    @Nested
    class Subscriptions extends Requirement9Subscriptions {
        @Override
        protected EventStore newStore() {
            return EventStoreContract.this.newStore();
        }
    }

    @Nested
    class ReadingStreams extends ReadingStreamsChecks {
        @Override
        protected EventStore newStore() {
            return EventStoreContract.this.newStore();
        }
    }

    @Nested
    class Payloads extends PayloadsChecks {
        @Override
        protected EventStore newStore() {
            return EventStoreContract.this.newStore();
        }
    }

    @Nested
    class ManyStreams extends ManyStreamsChecks {
        @Override
        protected EventStore newStore() {
            return EventStoreContract.this.newStore();
        }
    }

    @Nested
    class ClosedStore extends ClosedStoreChecks {
        @Override
        protected EventStore newStore() {
            return EventStoreContract.this.newStore();
        }
    }
}
