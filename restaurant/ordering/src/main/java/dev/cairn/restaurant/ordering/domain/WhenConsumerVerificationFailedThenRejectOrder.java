package dev.cairn.restaurant.ordering.domain;

import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerificationFailed;
import dev.cairn.restaurant.contracts.OnEvent;
import dev.cairn.restaurant.contracts.OrderRejectionReason;

/** ConsumerVerificationFailed → {@link OrderCommand.RejectOrder} with {@code CONSUMER_UNKNOWN} or {@code CONSUMER_INACTIVE}, as the failure says. */
public final class WhenConsumerVerificationFailedThenRejectOrder extends OnEvent<OrderCommand> {

    public WhenConsumerVerificationFailedThenRejectOrder() {
        super(
                ConsumerVerificationFailed.class,
                failed -> new OrderCommand.RejectOrder(failed.orderId(), OrderRejectionReason.of(failed.failure())));
    }
}
