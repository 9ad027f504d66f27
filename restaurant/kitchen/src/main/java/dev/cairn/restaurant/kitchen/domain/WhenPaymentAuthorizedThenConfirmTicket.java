package dev.cairn.restaurant.kitchen.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentAuthorized;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import java.util.List;
import java.util.Set;

/** PaymentAuthorized → {@link TicketCommand.ConfirmTicket} (ticket {@code AWAITING_ACCEPTANCE}). */
public final class WhenPaymentAuthorizedThenConfirmTicket implements TriggeredReaction<TicketCommand> {

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(PaymentAuthorized.class);
    }

    @Override
    public List<TicketCommand> react(Envelope<PublishedEvent> event) {
        if (event.event() instanceof PaymentAuthorized authorized) {
            return List.of(new TicketCommand.ConfirmTicket(authorized.orderId()));
        }
        return List.of();
    }
}
