package dev.cairn.restaurant.ordering.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.Projection;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketPickedUp;
import dev.cairn.restaurant.contracts.TicketEvent.TicketPreparationStarted;
import dev.cairn.restaurant.contracts.TicketEvent.TicketReadyForPickup;
import dev.cairn.restaurant.contracts.Triggered;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ordering's own record of which orders the kitchen has started preparing, built only from ticket
 * events, so that {@link OrderCommand.CancelOrder} can be refused at once (HTTP 409). It may lag
 * the kitchen; then the kitchen refuses the cancellation itself and the order goes back to
 * {@code APPROVED}. Holds one id per order that reached preparation.
 */
public final class PreparationReplica implements Projection<PublishedEvent>, Triggered {

    private final Set<String> started = ConcurrentHashMap.newKeySet();
    private volatile long position;

    @Override
    public void apply(Envelope<PublishedEvent> event) {
        if (event.position() <= position) {
            return;
        }
        switch (event.event()) {
            case TicketPreparationStarted preparing -> started.add(preparing.orderId());
            case TicketReadyForPickup ready -> started.add(ready.orderId());
            case TicketPickedUp pickedUp -> started.add(pickedUp.orderId());
            default -> { }
        }
        position = event.position();
    }

    /** Whether the kitchen is known to have started on this order. */
    public boolean preparationStarted(String orderId) {
        return started.contains(orderId);
    }

    /** The log position this replica has processed. */
    public long position() {
        return position;
    }

    @Override
    public void reset() {
        started.clear();
        position = 0;
    }

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(TicketPreparationStarted.class, TicketReadyForPickup.class, TicketPickedUp.class);
    }
}
