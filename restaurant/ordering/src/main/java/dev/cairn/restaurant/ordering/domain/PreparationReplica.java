package dev.cairn.restaurant.ordering.domain;

import dev.cairn.restaurant.contracts.OrderSetReplica;
import dev.cairn.restaurant.contracts.TicketEvent.TicketPickedUp;
import dev.cairn.restaurant.contracts.TicketEvent.TicketPreparationStarted;
import dev.cairn.restaurant.contracts.TicketEvent.TicketReadyForPickup;

/**
 * Ordering's own record of which orders the kitchen has started preparing, built only from ticket
 * events, so that {@link OrderCommand.CancelOrder} can be refused at once (HTTP 409). It may lag
 * the kitchen; then the kitchen refuses the cancellation itself and the order goes back to
 * {@code APPROVED}. Holds one id per order that reached preparation.
 */
public final class PreparationReplica extends OrderSetReplica {

    public PreparationReplica() {
        // Ready or picked up means preparation started, whichever of these events the replica saw first.
        on(TicketPreparationStarted.class, preparing -> add(preparing.orderId()));
        on(TicketReadyForPickup.class, ready -> add(ready.orderId()));
        on(TicketPickedUp.class, pickedUp -> add(pickedUp.orderId()));
    }

    /** Whether the kitchen is known to have started on this order. */
    public boolean preparationStarted(String orderId) {
        return holds(orderId);
    }
}
