package dev.cairn.restaurant.ordering.domain;

import dev.cairn.restaurant.contracts.OnEvent;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentAuthorized;

/** PaymentAuthorized → {@link OrderCommand.ApproveOrder} (order {@code APPROVED}). */
public final class WhenPaymentAuthorizedThenApproveOrder extends OnEvent<OrderCommand> {

    public WhenPaymentAuthorizedThenApproveOrder() {
        super(PaymentAuthorized.class, authorized -> new OrderCommand.ApproveOrder(authorized.orderId()));
    }
}
