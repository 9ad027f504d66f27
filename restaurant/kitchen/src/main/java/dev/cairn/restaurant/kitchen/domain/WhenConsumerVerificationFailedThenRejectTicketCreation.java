package dev.cairn.restaurant.kitchen.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerificationFailed;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import java.util.List;
import java.util.Set;

/** ConsumerVerificationFailed → {@link TicketCommand.RejectTicketCreation} (ticket {@code REJECTED}). */
public final class WhenConsumerVerificationFailedThenRejectTicketCreation implements TriggeredReaction<TicketCommand> {

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(ConsumerVerificationFailed.class);
    }

    @Override
    public List<TicketCommand> react(Envelope<PublishedEvent> event) {
        if (event.event() instanceof ConsumerVerificationFailed failed) {
            return List.of(new TicketCommand.RejectTicketCreation(failed.orderId(), OrderRejectionReason.CONSUMER_UNKNOWN));
        }
        return List.of();
    }
}
