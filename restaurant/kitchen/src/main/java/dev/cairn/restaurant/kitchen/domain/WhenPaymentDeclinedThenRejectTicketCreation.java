package dev.cairn.restaurant.kitchen.domain;

import dev.cairn.restaurant.contracts.OnEvent;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentDeclined;

/** PaymentDeclined → {@link TicketCommand.RejectTicketCreation} (ticket {@code REJECTED}). */
public final class WhenPaymentDeclinedThenRejectTicketCreation extends OnEvent<TicketCommand> {

    public WhenPaymentDeclinedThenRejectTicketCreation() {
        super(
                PaymentDeclined.class,
                declined -> new TicketCommand.RejectTicketCreation(
                        declined.orderId(), OrderRejectionReason.PAYMENT_DECLINED));
    }
}
