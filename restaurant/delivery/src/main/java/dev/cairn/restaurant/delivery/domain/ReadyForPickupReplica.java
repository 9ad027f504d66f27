package dev.cairn.restaurant.delivery.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.Projection;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketPickedUp;
import dev.cairn.restaurant.contracts.TicketEvent.TicketReadyForPickup;
import dev.cairn.restaurant.contracts.Triggered;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Delivery's own record of which orders' food waits at the kitchen, built only from ticket events,
 * so that {@link DeliveryCommand.PickUpDelivery} can tell whether there is anything to pick up.
 * Holds only the orders currently ready: an id leaves when the ticket is picked up.
 */
public final class ReadyForPickupReplica implements Projection<PublishedEvent>, Triggered {

    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    private volatile long position;

    @Override
    public void apply(Envelope<PublishedEvent> event) {
        if (event.position() <= position) {
            return;
        }
        switch (event.event()) {
            case TicketReadyForPickup readyForPickup -> ready.add(readyForPickup.orderId());
            case TicketPickedUp pickedUp -> ready.remove(pickedUp.orderId());
            default -> { }
        }
        position = event.position();
    }

    /** Whether the kitchen is known to have this order's food ready. */
    public boolean readyForPickup(String orderId) {
        return ready.contains(orderId);
    }

    /** The log position this replica has processed. */
    public long position() {
        return position;
    }

    @Override
    public void reset() {
        ready.clear();
        position = 0;
    }

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(TicketReadyForPickup.class, TicketPickedUp.class);
    }
}
