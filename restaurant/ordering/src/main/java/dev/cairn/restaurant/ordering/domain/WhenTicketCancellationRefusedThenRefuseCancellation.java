package dev.cairn.restaurant.ordering.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCancellationRefused;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import java.util.List;
import java.util.Set;

/** TicketCancellationRefused → {@link OrderCommand.RefuseCancellation} (order back to {@code APPROVED}). */
public final class WhenTicketCancellationRefusedThenRefuseCancellation implements TriggeredReaction<OrderCommand> {

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(TicketCancellationRefused.class);
    }

    @Override
    public List<OrderCommand> react(Envelope<PublishedEvent> event) {
        if (event.event() instanceof TicketCancellationRefused refused) {
            return List.of(new OrderCommand.RefuseCancellation(refused.orderId()));
        }
        return List.of();
    }
}
