package dev.cairn.restaurant.accounting.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.contracts.CancellationReason;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCancelled;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import java.util.List;
import java.util.Set;

/** TicketCancelled (at the consumer's request) → {@link PaymentCommand.ReversePayment} for {@code CANCELLED_BY_CONSUMER}. */
public final class WhenTicketCancelledThenReversePayment implements TriggeredReaction<PaymentCommand> {

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(TicketCancelled.class);
    }

    @Override
    public List<PaymentCommand> react(Envelope<PublishedEvent> event) {
        if (event.event() instanceof TicketCancelled cancelled) {
            return List.of(new PaymentCommand.ReversePayment(cancelled.orderId(), CancellationReason.CANCELLED_BY_CONSUMER));
        }
        return List.of();
    }
}
