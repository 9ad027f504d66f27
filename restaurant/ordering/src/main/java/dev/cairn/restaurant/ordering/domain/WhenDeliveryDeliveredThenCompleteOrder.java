package dev.cairn.restaurant.ordering.domain;

import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryDelivered;
import dev.cairn.restaurant.contracts.OnEvent;

/** DeliveryDelivered → {@link OrderCommand.CompleteOrder} (order {@code COMPLETED}). */
public final class WhenDeliveryDeliveredThenCompleteOrder extends OnEvent<OrderCommand> {

    public WhenDeliveryDeliveredThenCompleteOrder() {
        super(DeliveryDelivered.class, delivered -> new OrderCommand.CompleteOrder(delivered.orderId()));
    }
}
