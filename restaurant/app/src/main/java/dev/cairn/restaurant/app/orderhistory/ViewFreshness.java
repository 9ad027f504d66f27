package dev.cairn.restaurant.app.orderhistory;

import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.ForwardingEventStore;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.http.Staleness;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The log as a view's processor reads it, noting when the view last knew it had everything: the
 * time of the head read that started a round of reading which then found nothing more to read
 * (the processor reads the head, then the log after its position; a short page means it reached
 * the end). {@link #staleness()} is the time since then: what {@code Cairn-Stale} reports.
 *
 * <p>While the store is unreachable the reads fail, nothing is noted, and the staleness grows; once
 * the processor has caught up again it drops back to the polling interval's order (about 0.25 s).
 */
final class ViewFreshness extends ForwardingEventStore implements Staleness {

    private final Clock clock;
    private volatile Instant headReadAt;
    private volatile Instant completeAt;

    /** @param completeAt when the view was last known to have everything; {@link Instant#EPOCH} for never */
    ViewFreshness(EventStore store, Clock clock, Instant completeAt) {
        super(store);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.completeAt = Objects.requireNonNull(completeAt, "completeAt");
    }

    /** When the view last knew it had every event of the log. */
    Instant completeAt() {
        return completeAt;
    }

    @Override
    public Duration staleness() {
        Duration since = Duration.between(completeAt, clock.instant());
        return since.isNegative() ? Duration.ZERO : since;
    }

    @Override
    public long headPosition() {
        Instant asked = clock.instant();
        long head = delegate.headPosition();
        headReadAt = asked;
        return head;
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int limit, EventFilter filter) {
        Instant asked = headReadAt;
        List<RecordedEvent> page = delegate.readAll(afterPosition, limit, filter);
        if (page.size() < limit && asked != null && asked.isAfter(completeAt)) {
            completeAt = asked;
        }
        return page;
    }

    /** The store belongs to the process, not to the view. */
    @Override
    public void close() {}
}
