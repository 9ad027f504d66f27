package dev.cairn.restaurant.ordering.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentAuthorized;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import java.util.List;
import java.util.Set;

/** PaymentAuthorized → {@link OrderCommand.ApproveOrder} (order {@code APPROVED}). */
public final class WhenPaymentAuthorizedThenApproveOrder implements TriggeredReaction<OrderCommand> {

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(PaymentAuthorized.class);
    }

    @Override
    public List<OrderCommand> react(Envelope<PublishedEvent> event) {
        if (event.event() instanceof PaymentAuthorized authorized) {
            return List.of(new OrderCommand.ApproveOrder(authorized.orderId()));
        }
        return List.of();
    }
}
