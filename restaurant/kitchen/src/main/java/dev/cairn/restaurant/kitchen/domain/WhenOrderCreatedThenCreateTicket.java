package dev.cairn.restaurant.kitchen.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import java.util.List;
import java.util.Set;

/** OrderCreated → {@link TicketCommand.CreateTicket} (ticket {@code CREATE_PENDING}). */
public final class WhenOrderCreatedThenCreateTicket implements TriggeredReaction<TicketCommand> {

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(OrderCreated.class);
    }

    @Override
    public List<TicketCommand> react(Envelope<PublishedEvent> event) {
        if (event.event() instanceof OrderCreated created) {
            return List.of(new TicketCommand.CreateTicket(created.orderId(), created.restaurantId(), created.lines()));
        }
        return List.of();
    }
}
