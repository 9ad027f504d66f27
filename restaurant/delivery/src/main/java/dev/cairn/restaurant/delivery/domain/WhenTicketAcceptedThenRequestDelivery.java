package dev.cairn.restaurant.delivery.domain;

import dev.cairn.restaurant.contracts.OnEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketAccepted;

/** TicketAccepted → {@link DeliveryCommand.RequestDelivery} (delivery {@code PENDING} until a courier is assigned). */
public final class WhenTicketAcceptedThenRequestDelivery extends OnEvent<DeliveryCommand> {

    public WhenTicketAcceptedThenRequestDelivery() {
        super(
                TicketAccepted.class,
                accepted -> new DeliveryCommand.RequestDelivery(
                        accepted.orderId(), accepted.restaurantId(), accepted.readyBy()));
    }
}
