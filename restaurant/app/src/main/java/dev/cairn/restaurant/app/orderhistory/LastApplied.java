package dev.cairn.restaurant.app.orderhistory;

import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.Projection;
import dev.cairn.restaurant.contracts.PublishedEvent;
import java.util.UUID;

/** The view, noting the last event it applied: a snapshot names it to prove which log it belongs to. */
final class LastApplied implements Projection<PublishedEvent> {

    /** An applied event: its position and id. */
    record Event(long position, UUID eventId) {}

    private final Projection<PublishedEvent> view;
    private volatile Event last;

    LastApplied(Projection<PublishedEvent> view) {
        this.view = view;
    }

    @Override
    public void apply(Envelope<PublishedEvent> event) {
        view.apply(event);
        last = new Event(event.position(), event.eventId());
    }

    @Override
    public void reset() {
        view.reset();
        last = null;
    }

    /** The last event applied, null when none. */
    Event last() {
        return last;
    }

    void restore(long position, UUID eventId) {
        last = new Event(position, eventId);
    }
}
