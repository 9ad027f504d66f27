package dev.cairn.restaurant.kitchen.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryPickedUp;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import java.util.List;
import java.util.Set;

/** DeliveryPickedUp → {@link TicketCommand.PickUpTicket} (ticket {@code PICKED_UP}). */
public final class WhenDeliveryPickedUpThenPickUpTicket implements TriggeredReaction<TicketCommand> {

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(DeliveryPickedUp.class);
    }

    @Override
    public List<TicketCommand> react(Envelope<PublishedEvent> event) {
        if (event.event() instanceof DeliveryPickedUp pickedUp) {
            return List.of(new TicketCommand.PickUpTicket(pickedUp.orderId()));
        }
        return List.of();
    }
}
