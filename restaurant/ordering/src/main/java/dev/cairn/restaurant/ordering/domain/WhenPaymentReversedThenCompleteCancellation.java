package dev.cairn.restaurant.ordering.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentReversed;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import java.util.List;
import java.util.Set;

/** PaymentReversed → {@link OrderCommand.CompleteCancellation} for the reversal's reason (order {@code CANCELLED}). */
public final class WhenPaymentReversedThenCompleteCancellation implements TriggeredReaction<OrderCommand> {

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(PaymentReversed.class);
    }

    @Override
    public List<OrderCommand> react(Envelope<PublishedEvent> event) {
        if (event.event() instanceof PaymentReversed reversed) {
            return List.of(new OrderCommand.CompleteCancellation(reversed.orderId(), reversed.reason()));
        }
        return List.of();
    }
}
