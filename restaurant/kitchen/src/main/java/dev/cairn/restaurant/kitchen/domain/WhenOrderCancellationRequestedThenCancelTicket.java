package dev.cairn.restaurant.kitchen.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCancellationRequested;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import java.util.List;
import java.util.Set;

/** OrderCancellationRequested → {@link TicketCommand.CancelTicket}: the ticket is cancelled, or the cancellation refused if preparation started. */
public final class WhenOrderCancellationRequestedThenCancelTicket implements TriggeredReaction<TicketCommand> {

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(OrderCancellationRequested.class);
    }

    @Override
    public List<TicketCommand> react(Envelope<PublishedEvent> event) {
        if (event.event() instanceof OrderCancellationRequested requested) {
            return List.of(new TicketCommand.CancelTicket(requested.orderId()));
        }
        return List.of();
    }
}
