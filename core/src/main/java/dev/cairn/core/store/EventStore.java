package dev.cairn.core.store;

/**
 * An event store: the write side, stream reads, log reads and subscriptions. Every
 * implementation passes the conformance kit ({@code cairn-eventstore-tck}); see
 * {@link dev.cairn.core.store the package documentation} for the numbered requirements.
 *
 * <p>The default {@link #subscribe} follows the log with {@link #readAll} and
 * {@link #awaitHeadAfter}, so a store needs only those to offer subscriptions.
 */
public interface EventStore extends AppendToStream, ReadStream, ReadLog, SubscribeToLog, AutoCloseable {

    @Override
    default Subscription subscribe(long afterPosition, EventFilter filter, EventSink sink) {
        return LogFollower.start(this, afterPosition, filter, sink);
    }

    /**
     * Whether the store takes appends now. Stores that can tell (the file store after a failed
     * write, fsync or a corrupt record) say why; the default is always writable.
     */
    default StoreHealth health() {
        return StoreHealth.ok();
    }

    /** Releases files, connections and threads; later calls fail with {@link EventStoreUnavailableException}. */
    @Override
    void close();
}
