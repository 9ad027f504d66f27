package dev.cairn.eventstore.postgres;

import dev.cairn.core.store.ForwardingEventStore;
import java.time.Duration;

/**
 * The store as the processors of one process tail it: everything is the store's own, except the
 * head, which is the one the process already knows ({@link PostgresEventStore#knownHead()}: from
 * notifications, the watcher's polls, the process's own appends). A valid head, possibly a little
 * behind, so a processor's round costs one query (its read) instead of two or three head queries
 * more; waiting for the head is waiting on the one watcher. Closing it closes nothing.
 */
class TailingView extends ForwardingEventStore {

    protected final PostgresEventStore store;

    TailingView(PostgresEventStore store) {
        super(store);
        this.store = store;
    }

    @Override
    public long headPosition() {
        return store.knownHead();
    }

    @Override
    public boolean awaitHeadAfter(long position, Duration timeout) throws InterruptedException {
        return store.awaitKnownHeadAfter(position, timeout);
    }

    /** The store belongs to the process, not to this view. */
    @Override
    public void close() {}
}
