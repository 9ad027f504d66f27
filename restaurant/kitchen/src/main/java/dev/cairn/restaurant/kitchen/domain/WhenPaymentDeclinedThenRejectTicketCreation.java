package dev.cairn.restaurant.kitchen.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentDeclined;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import java.util.List;
import java.util.Set;

/** PaymentDeclined → {@link TicketCommand.RejectTicketCreation} (ticket {@code REJECTED}). */
public final class WhenPaymentDeclinedThenRejectTicketCreation implements TriggeredReaction<TicketCommand> {

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(PaymentDeclined.class);
    }

    @Override
    public List<TicketCommand> react(Envelope<PublishedEvent> event) {
        if (event.event() instanceof PaymentDeclined declined) {
            return List.of(new TicketCommand.RejectTicketCreation(declined.orderId(), OrderRejectionReason.PAYMENT_DECLINED));
        }
        return List.of();
    }
}
