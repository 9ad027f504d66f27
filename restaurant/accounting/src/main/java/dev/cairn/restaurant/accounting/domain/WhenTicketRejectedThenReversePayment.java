package dev.cairn.restaurant.accounting.domain;

import dev.cairn.restaurant.contracts.CancellationReason;
import dev.cairn.restaurant.contracts.OnEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketRejected;

/** TicketRejected (by the kitchen) → {@link PaymentCommand.ReversePayment} for {@code RESTAURANT_REJECTED}. */
public final class WhenTicketRejectedThenReversePayment extends OnEvent<PaymentCommand> {

    public WhenTicketRejectedThenReversePayment() {
        super(
                TicketRejected.class,
                rejected ->
                        new PaymentCommand.ReversePayment(rejected.orderId(), CancellationReason.RESTAURANT_REJECTED));
    }
}
