package dev.cairn.eventstore.tck;

import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.AppendRules;
import dev.cairn.core.store.DuplicateEventIdException;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.ForwardingEventStore;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores with one deliberate fault each, wrapped around core's in-memory store, for proving that
 * the kit notices. Subscriptions are left to {@link EventStore}'s default, so they follow the
 * faulty log reads too.
 */
final class BrokenStores {

    private BrokenStores() {}

    /** Passes everything through to an in-memory store; the faulty stores override one method. */
    abstract static class Forwarding extends ForwardingEventStore {
        Forwarding() {
            super(new InMemoryEventStore());
        }
    }

    /** {@code readAll} never returns the log's third event. */
    static final class DropsTheThirdEventFromReadAll extends Forwarding {
        @Override
        public List<RecordedEvent> readAll(long afterPosition, int limit, EventFilter filter) {
            List<RecordedEvent> firstThree = delegate.readAll(0, 3);
            List<RecordedEvent> page = new ArrayList<>(delegate.readAll(afterPosition, limit, filter));
            if (firstThree.size() == 3) {
                page.removeIf(e -> e.eventId().equals(firstThree.get(2).eventId()));
            }
            return page;
        }
    }

    /** {@code readAll} returns the log's second and third events the wrong way round when both are in a page. */
    static final class SwapsTwoEventsInReadAll extends Forwarding {
        @Override
        public List<RecordedEvent> readAll(long afterPosition, int limit, EventFilter filter) {
            List<RecordedEvent> page = new ArrayList<>(delegate.readAll(afterPosition, limit, filter));
            for (int i = 0; i + 1 < page.size(); i++) {
                if (page.get(i).position() == 2 && page.get(i + 1).position() == 3) {
                    page.set(i, page.get(i + 1));
                    page.set(i + 1, delegate.readAll(1, 1).getFirst());
                }
            }
            return page;
        }
    }

    /** Appends whatever version the writer expected. */
    static final class IgnoresExpectedVersions extends Forwarding {
        @Override
        public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
            return delegate.append(streamId, ExpectedVersion.any(), events);
        }
    }

    /** Appends a batch one event at a time, so a batch that fails part-way leaves its first events behind. */
    static final class AppendsEventByEvent extends Forwarding {
        @Override
        public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
            AppendRules.requireValidBatch(events);
            AppendResult first = delegate.append(streamId, expected, List.of(events.getFirst()));
            AppendResult last = first;
            for (NewEvent event : events.subList(1, events.size())) {
                last = delegate.append(streamId, ExpectedVersion.any(), List.of(event));
            }
            return new AppendResult(
                    streamId, first.firstVersion(), last.lastVersion(), last.lastPosition(), first.duplicate());
        }
    }

    /** Treats a retry of a recorded append as a clash instead of returning the first result. */
    static final class RefusesRetries extends Forwarding {
        @Override
        public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
            AppendResult result = delegate.append(streamId, expected, events);
            if (result.duplicate()) {
                throw new DuplicateEventIdException(events.getFirst().eventId(), "retries are not supported");
            }
            return result;
        }
    }

    /** Reports a head one past the last committed event: readers that trust it skip the next event. */
    static final class ReportsTheHeadTooFar extends Forwarding {
        @Override
        public long headPosition() {
            long head = delegate.headPosition();
            return head == 0 ? 0 : head + 1;
        }
    }

    /** Never wakes a waiting reader on append: it sleeps out the whole timeout. */
    static final class SleepsOutEveryWait extends Forwarding {
        @Override
        public boolean awaitHeadAfter(long position, Duration timeout) throws InterruptedException {
            Thread.sleep(timeout);
            return delegate.headPosition() > position;
        }
    }
}
