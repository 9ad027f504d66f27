package dev.cairn.restaurant.kitchen.domain;

import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryPickedUp;
import dev.cairn.restaurant.contracts.OnEvent;

/** DeliveryPickedUp → {@link TicketCommand.PickUpTicket} (ticket {@code PICKED_UP}). */
public final class WhenDeliveryPickedUpThenPickUpTicket extends OnEvent<TicketCommand> {

    public WhenDeliveryPickedUpThenPickUpTicket() {
        super(DeliveryPickedUp.class, pickedUp -> new TicketCommand.PickUpTicket(pickedUp.orderId()));
    }
}
