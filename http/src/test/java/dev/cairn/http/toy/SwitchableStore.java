package dev.cairn.http.toy;

import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.time.Duration;
import java.util.List;

/** An in-memory store that can be made unreachable, as a database or disk can be. */
public final class SwitchableStore implements EventStore {

    private final InMemoryEventStore delegate = new InMemoryEventStore();
    private volatile boolean down;

    public void down(boolean down) {
        this.down = down;
    }

    /** Appends raw events, for tests of the log endpoint. */
    public AppendResult appendRaw(String streamId, List<NewEvent> events) {
        return delegate.append(streamId, ExpectedVersion.any(), events);
    }

    @Override
    public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        requireUp();
        return delegate.append(streamId, expected, events);
    }

    @Override
    public List<RecordedEvent> readStream(String streamId, long fromVersion, int maxCount) {
        requireUp();
        return delegate.readStream(streamId, fromVersion, maxCount);
    }

    @Override
    public long streamVersion(String streamId) {
        requireUp();
        return delegate.streamVersion(streamId);
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int limit, EventFilter filter) {
        requireUp();
        return delegate.readAll(afterPosition, limit, filter);
    }

    @Override
    public long headPosition() {
        requireUp();
        return delegate.headPosition();
    }

    /** The head even while "down", for tests to check that nothing was appended. */
    public long realHead() {
        return delegate.headPosition();
    }

    @Override
    public boolean awaitHeadAfter(long position, Duration timeout) throws InterruptedException {
        return delegate.awaitHeadAfter(position, timeout);
    }

    @Override
    public void close() {
        delegate.close();
    }

    private void requireUp() {
        if (down) {
            throw new EventStoreUnavailableException("the test switched the store off");
        }
    }
}
