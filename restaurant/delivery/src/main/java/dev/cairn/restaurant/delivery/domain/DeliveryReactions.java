package dev.cairn.restaurant.delivery.domain;

import dev.cairn.restaurant.contracts.ReactionGroup;

/**
 * Delivery's reactions to the kitchen, to run as one processor: a ticket accepted and then
 * cancelled must request its delivery before cancelling it, or the cancellation would find
 * nothing to cancel and the delivery would be requested afterwards. A ticket is only rejected
 * before acceptance, so a rejection never has a delivery to cancel.
 */
public final class DeliveryReactions {

    private DeliveryReactions() {}

    public static ReactionGroup<DeliveryCommand> all() {
        return ReactionGroup.of(
                new WhenTicketAcceptedThenRequestDelivery(), new WhenTicketCancelledThenCancelDelivery());
    }
}
