package dev.cairn.lab;

import java.time.Instant;
import java.util.Objects;

/**
 * What each service stored about one order, read from its own storage.
 *
 * @param createdAt when the order service first recorded the order; null when it has no record
 * @param finalAt   when the order service recorded its final state (approved or rejected); null while not final
 */
public record OrderFacts(
        String orderId,
        OrderState order,
        TicketState ticket,
        PaymentState payment,
        Instant createdAt,
        Instant finalAt) {

    public OrderFacts {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(payment, "payment");
    }

    /** The order service's view of the order. */
    public enum OrderState {
        NONE,
        PENDING,
        APPROVED,
        REJECTED
    }

    /** The kitchen's ticket: {@code PENDING} is created but not yet confirmed; {@code CONFIRMED} awaits acceptance. */
    public enum TicketState {
        NONE,
        PENDING,
        CONFIRMED,
        REJECTED,
        CANCELLED
    }

    /** Accounting's payment authorisation. */
    public enum PaymentState {
        NONE,
        AUTHORIZED,
        DECLINED,
        REVERSED
    }
}
