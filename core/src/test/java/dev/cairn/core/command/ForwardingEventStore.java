package dev.cairn.core.command;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.time.Duration;
import java.util.List;

/** Delegates everything; tests override what they want to disturb. */
class ForwardingEventStore implements EventStore {
    final EventStore delegate;

    ForwardingEventStore(EventStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        return delegate.append(streamId, expected, events);
    }

    @Override
    public List<RecordedEvent> readStream(String streamId, long fromVersion, int maxCount) {
        return delegate.readStream(streamId, fromVersion, maxCount);
    }

    @Override
    public long streamVersion(String streamId) {
        return delegate.streamVersion(streamId);
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int limit, EventFilter filter) {
        return delegate.readAll(afterPosition, limit, filter);
    }

    @Override
    public long headPosition() {
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
}
