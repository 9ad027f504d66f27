package dev.cairn.eventstore.postgres;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.time.Duration;
import java.util.List;

/**
 * The store as the processors of one process tail it: everything is the store's own, except the
 * head, which is the one the process already knows ({@link PostgresEventStore#knownHead()}: from
 * notifications, the watcher's polls, the process's own appends). A valid head, possibly a little
 * behind, so a processor's round costs one query (its read) instead of two or three head queries
 * more; waiting for the head is waiting on the one watcher. Closing it closes nothing.
 */
final class TailingView implements EventStore {

    private final PostgresEventStore store;

    TailingView(PostgresEventStore store) {
        this.store = store;
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int limit, EventFilter filter) {
        return store.readAll(afterPosition, limit, filter);
    }

    @Override
    public long headPosition() {
        return store.knownHead();
    }

    @Override
    public boolean awaitHeadAfter(long position, Duration timeout) throws InterruptedException {
        return store.awaitKnownHeadAfter(position, timeout);
    }

    @Override
    public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        return store.append(streamId, expected, events);
    }

    @Override
    public List<RecordedEvent> readStream(String streamId, long fromVersion, int maxCount) {
        return store.readStream(streamId, fromVersion, maxCount);
    }

    @Override
    public long streamVersion(String streamId) {
        return store.streamVersion(streamId);
    }

    @Override
    public void close() {}
}
