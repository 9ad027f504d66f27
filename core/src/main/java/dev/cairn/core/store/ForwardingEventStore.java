package dev.cairn.core.store;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An event store that passes every call to another: extend it and override what you change — a
 * view with another head, a test double that drops or delays, a store that can be switched off.
 */
public abstract class ForwardingEventStore implements EventStore {

    protected final EventStore delegate;

    protected ForwardingEventStore(EventStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
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
    public StoreHealth health() {
        return delegate.health();
    }

    @Override
    public Subscription subscribe(long afterPosition, EventFilter filter, EventSink sink) {
        return EventStore.super.subscribe(afterPosition, filter, sink);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
