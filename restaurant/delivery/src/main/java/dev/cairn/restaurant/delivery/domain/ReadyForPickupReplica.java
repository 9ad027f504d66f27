package dev.cairn.restaurant.delivery.domain;

import dev.cairn.restaurant.contracts.OrderSetReplica;
import dev.cairn.restaurant.contracts.TicketEvent.TicketPickedUp;
import dev.cairn.restaurant.contracts.TicketEvent.TicketReadyForPickup;

/**
 * Delivery's own record of which orders' food waits at the kitchen, built only from ticket events,
 * so that {@link DeliveryCommand.PickUpDelivery} can tell whether there is anything to pick up.
 * Holds only the orders currently ready: an id leaves when the ticket is picked up.
 */
public final class ReadyForPickupReplica extends OrderSetReplica {

    public ReadyForPickupReplica() {
        on(TicketReadyForPickup.class, readyForPickup -> add(readyForPickup.orderId()));
        on(TicketPickedUp.class, pickedUp -> remove(pickedUp.orderId()));
    }

    /** Whether the kitchen is known to have this order's food ready. */
    public boolean readyForPickup(String orderId) {
        return holds(orderId);
    }
}
