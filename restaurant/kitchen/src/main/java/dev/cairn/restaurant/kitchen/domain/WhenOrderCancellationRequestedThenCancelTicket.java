package dev.cairn.restaurant.kitchen.domain;

import dev.cairn.restaurant.contracts.OnEvent;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCancellationRequested;

/** OrderCancellationRequested → {@link TicketCommand.CancelTicket}: the ticket is cancelled, or the cancellation refused if preparation started. */
public final class WhenOrderCancellationRequestedThenCancelTicket extends OnEvent<TicketCommand> {

    public WhenOrderCancellationRequestedThenCancelTicket() {
        super(OrderCancellationRequested.class, requested -> new TicketCommand.CancelTicket(requested.orderId()));
    }
}
