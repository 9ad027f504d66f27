package dev.cairn.restaurant.systemtests.support;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.time.Duration;
import java.util.List;

/** An event store that can be made unreachable, as a database behind a broken network would be. */
public final class SwitchableStore implements EventStore {

    private final EventStore delegate;
    private volatile boolean down;

    public SwitchableStore(EventStore delegate) {
        this.delegate = delegate;
    }

    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    private void requireUp() {
        if (down) {
            throw new EventStoreUnavailableException("the test took the store down");
        }
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

    @Override
    public boolean awaitHeadAfter(long position, Duration timeout) throws InterruptedException {
        requireUp();
        return delegate.awaitHeadAfter(position, timeout);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
