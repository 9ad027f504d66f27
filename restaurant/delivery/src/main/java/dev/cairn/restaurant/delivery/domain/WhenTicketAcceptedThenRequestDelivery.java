package dev.cairn.restaurant.delivery.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketAccepted;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import java.util.List;
import java.util.Set;

/** TicketAccepted → {@link DeliveryCommand.RequestDelivery} (delivery {@code PENDING} until a courier is assigned). */
public final class WhenTicketAcceptedThenRequestDelivery implements TriggeredReaction<DeliveryCommand> {

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(TicketAccepted.class);
    }

    @Override
    public List<DeliveryCommand> react(Envelope<PublishedEvent> event) {
        if (event.event() instanceof TicketAccepted accepted) {
            return List.of(new DeliveryCommand.RequestDelivery(accepted.orderId(), accepted.restaurantId(), accepted.readyBy()));
        }
        return List.of();
    }
}
