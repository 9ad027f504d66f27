package dev.cairn.restaurant.ordering.domain;

import dev.cairn.restaurant.contracts.OnEvent;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentDeclined;

/** PaymentDeclined → {@link OrderCommand.RejectOrder} with {@code PAYMENT_DECLINED}. */
public final class WhenPaymentDeclinedThenRejectOrder extends OnEvent<OrderCommand> {

    public WhenPaymentDeclinedThenRejectOrder() {
        super(
                PaymentDeclined.class,
                declined -> new OrderCommand.RejectOrder(declined.orderId(), OrderRejectionReason.PAYMENT_DECLINED));
    }
}
