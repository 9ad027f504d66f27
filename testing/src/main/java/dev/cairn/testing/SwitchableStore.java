package dev.cairn.testing;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.ForwardingEventStore;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.StoreHealth;
import java.time.Duration;
import java.util.List;

/**
 * An event store that a test can make unreachable, as a database behind a broken network or a
 * failed disk would be: while it is down every call fails with
 * {@link EventStoreUnavailableException}, and nothing reaches the store behind it.
 *
 * <pre>{@code
 * SwitchableStore store = new SwitchableStore(new InMemoryEventStore());
 * store.down(true);   // appends and reads now fail as a store outage
 * store.down(false);  // and work again
 * }</pre>
 */
public final class SwitchableStore extends ForwardingEventStore {

    private volatile boolean down;

    public SwitchableStore(EventStore delegate) {
        super(delegate);
    }

    /** Takes the store down ({@code true}) or brings it back ({@code false}). */
    public void down(boolean down) {
        this.down = down;
    }

    /** Appends whether down or not, for a test that arranges the log behind the system's back. */
    public AppendResult appendRaw(String streamId, List<NewEvent> events) {
        return delegate.append(streamId, ExpectedVersion.any(), events);
    }

    /** The head whether down or not, for a test that checks nothing was appended. */
    public long realHead() {
        return delegate.headPosition();
    }

    @Override
    public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        requireUp();
        return super.append(streamId, expected, events);
    }

    @Override
    public List<RecordedEvent> readStream(String streamId, long fromVersion, int maxCount) {
        requireUp();
        return super.readStream(streamId, fromVersion, maxCount);
    }

    @Override
    public long streamVersion(String streamId) {
        requireUp();
        return super.streamVersion(streamId);
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int limit, EventFilter filter) {
        requireUp();
        return super.readAll(afterPosition, limit, filter);
    }

    @Override
    public long headPosition() {
        requireUp();
        return super.headPosition();
    }

    @Override
    public boolean awaitHeadAfter(long position, Duration timeout) throws InterruptedException {
        requireUp();
        return super.awaitHeadAfter(position, timeout);
    }

    /** Unavailable while down, like a real store whose disk or database is gone. */
    @Override
    public StoreHealth health() {
        return down ? StoreHealth.unavailable("the test took the store down") : super.health();
    }

    private void requireUp() {
        if (down) {
            throw new EventStoreUnavailableException("the test took the store down");
        }
    }
}
