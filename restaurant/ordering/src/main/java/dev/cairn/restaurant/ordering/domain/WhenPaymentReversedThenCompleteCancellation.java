package dev.cairn.restaurant.ordering.domain;

import dev.cairn.restaurant.contracts.OnEvent;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentReversed;

/** PaymentReversed → {@link OrderCommand.CompleteCancellation} for the reversal's reason (order {@code CANCELLED}). */
public final class WhenPaymentReversedThenCompleteCancellation extends OnEvent<OrderCommand> {

    public WhenPaymentReversedThenCompleteCancellation() {
        super(
                PaymentReversed.class,
                reversed -> new OrderCommand.CompleteCancellation(reversed.orderId(), reversed.reason()));
    }
}
