package dev.cairn.restaurant.ordering.domain;

import dev.cairn.restaurant.contracts.ReactionGroup;

/** Ordering's reactions to other contexts' outcomes, to run as one processor. */
public final class OrderingReactions {

    private OrderingReactions() {}

    public static ReactionGroup<OrderCommand> all() {
        return ReactionGroup.of(
                new WhenConsumerVerificationFailedThenRejectOrder(),
                new WhenPaymentAuthorizedThenApproveOrder(),
                new WhenPaymentDeclinedThenRejectOrder(),
                new WhenTicketCancellationRefusedThenRefuseCancellation(),
                new WhenPaymentReversedThenCompleteCancellation(),
                new WhenDeliveryDeliveredThenCompleteOrder());
    }
}
