package dev.cairn.restaurant.kitchen.domain;

import dev.cairn.restaurant.contracts.ReactionGroup;

/**
 * The kitchen's reactions, to run as one processor: a ticket must be created (OrderCreated) before
 * a later event of the same order rejects, confirms or cancels it, and log order guarantees that
 * only when one processor sends all of them.
 */
public final class KitchenReactions {

    private KitchenReactions() {}

    public static ReactionGroup<TicketCommand> all() {
        return ReactionGroup.of(
                new WhenOrderCreatedThenCreateTicket(),
                new WhenConsumerVerificationFailedThenRejectTicketCreation(),
                new WhenPaymentAuthorizedThenConfirmTicket(),
                new WhenPaymentDeclinedThenRejectTicketCreation(),
                new WhenOrderCancellationRequestedThenCancelTicket(),
                new WhenDeliveryPickedUpThenPickUpTicket());
    }
}
