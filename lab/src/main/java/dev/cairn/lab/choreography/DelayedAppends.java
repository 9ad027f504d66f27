package dev.cairn.lab.choreography;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.ForwardingEventStore;
import dev.cairn.core.store.NewEvent;
import dev.cairn.lab.eventsourced.InjectedDelay;
import java.time.Duration;
import java.util.List;

/**
 * The log as a slowed service sees it: while a delay is set, every append (every event the
 * service records in answer to an event it handled) waits that long first. Reads are untouched,
 * so the service still follows the log at full speed; only its answers come late.
 */
final class DelayedAppends extends ForwardingEventStore {

    private final InjectedDelay delay = new InjectedDelay();

    DelayedAppends(EventStore delegate) {
        super(delegate);
    }

    /** {@link Duration#ZERO} removes the delay. */
    void delay(Duration delay) {
        this.delay.set(delay);
    }

    @Override
    public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        delay.await();
        return super.append(streamId, expected, events);
    }

    /** The store belongs to the run, not to the one service that sees it through this view. */
    @Override
    public void close() {}
}
