package dev.cairn.restaurant.kitchen.domain;

import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerificationFailed;
import dev.cairn.restaurant.contracts.OnEvent;
import dev.cairn.restaurant.contracts.OrderRejectionReason;

/** ConsumerVerificationFailed → {@link TicketCommand.RejectTicketCreation} (ticket {@code REJECTED}). */
public final class WhenConsumerVerificationFailedThenRejectTicketCreation extends OnEvent<TicketCommand> {

    public WhenConsumerVerificationFailedThenRejectTicketCreation() {
        super(
                ConsumerVerificationFailed.class,
                failed -> new TicketCommand.RejectTicketCreation(
                        failed.orderId(), OrderRejectionReason.of(failed.failure())));
    }
}
