package dev.cairn.restaurant.delivery.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCancelled;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import java.util.List;
import java.util.Set;

/** TicketCancelled → {@link DeliveryCommand.CancelDelivery} (delivery, if any, {@code CANCELLED}; its courier is freed). */
public final class WhenTicketCancelledThenCancelDelivery implements TriggeredReaction<DeliveryCommand> {

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(TicketCancelled.class);
    }

    @Override
    public List<DeliveryCommand> react(Envelope<PublishedEvent> event) {
        if (event.event() instanceof TicketCancelled cancelled) {
            return List.of(new DeliveryCommand.CancelDelivery(cancelled.orderId()));
        }
        return List.of();
    }
}
