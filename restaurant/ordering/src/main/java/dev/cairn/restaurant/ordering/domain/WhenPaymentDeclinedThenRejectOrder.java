package dev.cairn.restaurant.ordering.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentDeclined;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import java.util.List;
import java.util.Set;

/** PaymentDeclined → {@link OrderCommand.RejectOrder} with {@code PAYMENT_DECLINED}. */
public final class WhenPaymentDeclinedThenRejectOrder implements TriggeredReaction<OrderCommand> {

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(PaymentDeclined.class);
    }

    @Override
    public List<OrderCommand> react(Envelope<PublishedEvent> event) {
        if (event.event() instanceof PaymentDeclined declined) {
            return List.of(new OrderCommand.RejectOrder(declined.orderId(), OrderRejectionReason.PAYMENT_DECLINED));
        }
        return List.of();
    }
}
