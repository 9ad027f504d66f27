package dev.cairn.restaurant.delivery.domain;

import dev.cairn.restaurant.contracts.OnEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCancelled;

/** TicketCancelled → {@link DeliveryCommand.CancelDelivery} (delivery, if any, {@code CANCELLED}; its courier is freed). */
public final class WhenTicketCancelledThenCancelDelivery extends OnEvent<DeliveryCommand> {

    public WhenTicketCancelledThenCancelDelivery() {
        super(TicketCancelled.class, cancelled -> new DeliveryCommand.CancelDelivery(cancelled.orderId()));
    }
}
