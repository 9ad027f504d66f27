package dev.cairn.restaurant.kitchen.domain;

import dev.cairn.restaurant.contracts.OnEvent;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;

/** OrderCreated → {@link TicketCommand.CreateTicket} (ticket {@code CREATE_PENDING}). */
public final class WhenOrderCreatedThenCreateTicket extends OnEvent<TicketCommand> {

    public WhenOrderCreatedThenCreateTicket() {
        super(
                OrderCreated.class,
                created -> new TicketCommand.CreateTicket(created.orderId(), created.restaurantId(), created.lines()));
    }
}
