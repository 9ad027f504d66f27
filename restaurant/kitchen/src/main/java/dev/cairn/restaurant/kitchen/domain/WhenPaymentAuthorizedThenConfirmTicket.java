package dev.cairn.restaurant.kitchen.domain;

import dev.cairn.restaurant.contracts.OnEvent;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentAuthorized;

/** PaymentAuthorized → {@link TicketCommand.ConfirmTicket} (ticket {@code AWAITING_ACCEPTANCE}). */
public final class WhenPaymentAuthorizedThenConfirmTicket extends OnEvent<TicketCommand> {

    public WhenPaymentAuthorizedThenConfirmTicket() {
        super(PaymentAuthorized.class, authorized -> new TicketCommand.ConfirmTicket(authorized.orderId()));
    }
}
