package dev.cairn.restaurant.ordering.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerificationFailed;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import java.util.List;
import java.util.Set;

/** ConsumerVerificationFailed → {@link OrderCommand.RejectOrder} with {@code CONSUMER_UNKNOWN} (also for an inactive consumer: the contract has one reason). */
public final class WhenConsumerVerificationFailedThenRejectOrder implements TriggeredReaction<OrderCommand> {

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(ConsumerVerificationFailed.class);
    }

    @Override
    public List<OrderCommand> react(Envelope<PublishedEvent> event) {
        if (event.event() instanceof ConsumerVerificationFailed failed) {
            return List.of(new OrderCommand.RejectOrder(failed.orderId(), OrderRejectionReason.CONSUMER_UNKNOWN));
        }
        return List.of();
    }
}
