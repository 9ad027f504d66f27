package dev.cairn.restaurant.ordering.domain;

import dev.cairn.restaurant.contracts.OnEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCancellationRefused;

/** TicketCancellationRefused → {@link OrderCommand.RefuseCancellation} (order back to {@code APPROVED}). */
public final class WhenTicketCancellationRefusedThenRefuseCancellation extends OnEvent<OrderCommand> {

    public WhenTicketCancellationRefusedThenRefuseCancellation() {
        super(TicketCancellationRefused.class, refused -> new OrderCommand.RefuseCancellation(refused.orderId()));
    }
}
