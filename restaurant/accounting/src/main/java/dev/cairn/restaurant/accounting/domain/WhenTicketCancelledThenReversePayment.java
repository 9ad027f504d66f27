package dev.cairn.restaurant.accounting.domain;

import dev.cairn.restaurant.contracts.CancellationReason;
import dev.cairn.restaurant.contracts.OnEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCancelled;

/** TicketCancelled (at the consumer's request) → {@link PaymentCommand.ReversePayment} for {@code CANCELLED_BY_CONSUMER}. */
public final class WhenTicketCancelledThenReversePayment extends OnEvent<PaymentCommand> {

    public WhenTicketCancelledThenReversePayment() {
        super(
                TicketCancelled.class,
                cancelled -> new PaymentCommand.ReversePayment(
                        cancelled.orderId(), CancellationReason.CANCELLED_BY_CONSUMER));
    }
}
