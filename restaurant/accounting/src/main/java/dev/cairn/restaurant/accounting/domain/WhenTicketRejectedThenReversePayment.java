package dev.cairn.restaurant.accounting.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.contracts.CancellationReason;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketRejected;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import java.util.List;
import java.util.Set;

/** TicketRejected (by the kitchen) → {@link PaymentCommand.ReversePayment} for {@code RESTAURANT_REJECTED}. */
public final class WhenTicketRejectedThenReversePayment implements TriggeredReaction<PaymentCommand> {

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(TicketRejected.class);
    }

    @Override
    public List<PaymentCommand> react(Envelope<PublishedEvent> event) {
        if (event.event() instanceof TicketRejected rejected) {
            return List.of(new PaymentCommand.ReversePayment(rejected.orderId(), CancellationReason.RESTAURANT_REJECTED));
        }
        return List.of();
    }
}
