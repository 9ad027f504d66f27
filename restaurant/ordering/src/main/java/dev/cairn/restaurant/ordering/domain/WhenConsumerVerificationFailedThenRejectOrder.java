package dev.cairn.restaurant.ordering.domain;

import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerificationFailed;
import dev.cairn.restaurant.contracts.OnEvent;
import dev.cairn.restaurant.contracts.OrderRejectionReason;

/** ConsumerVerificationFailed → {@link OrderCommand.RejectOrder} with {@code CONSUMER_UNKNOWN} (also for an inactive consumer: the contract has one reason). */
public final class WhenConsumerVerificationFailedThenRejectOrder extends OnEvent<OrderCommand> {

    public WhenConsumerVerificationFailedThenRejectOrder() {
        super(ConsumerVerificationFailed.class,
                failed -> new OrderCommand.RejectOrder(failed.orderId(), OrderRejectionReason.CONSUMER_UNKNOWN));
    }
}
