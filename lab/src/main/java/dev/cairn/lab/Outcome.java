package dev.cairn.lab;

import dev.cairn.lab.OrderFacts.OrderState;
import dev.cairn.lab.OrderFacts.PaymentState;
import dev.cairn.lab.OrderFacts.TicketState;
import java.util.Set;

/**
 * How an order ended, judged only from what the services stored:
 * <ul>
 *   <li>{@code STUCK}: the order service has no final state for it (pending, or no record of an
 *       order the client was told was accepted), or another service is mid-way (a ticket created
 *       but never confirmed or rejected);</li>
 *   <li>{@code INCONSISTENT}: the order service's final state and another service disagree — a
 *       payment authorised for a rejected order, a live ticket for a rejected one, an approved order
 *       without its payment or ticket, records of an order the order service never had;</li>
 *   <li>{@code COMPLETED}: final, and every service agrees.</li>
 * </ul>
 */
public enum Outcome {
    COMPLETED,
    INCONSISTENT,
    STUCK;

    private static final Set<TicketState> TICKET_GONE =
            Set.of(TicketState.NONE, TicketState.REJECTED, TicketState.CANCELLED);
    private static final Set<PaymentState> NOT_CHARGED =
            Set.of(PaymentState.NONE, PaymentState.DECLINED, PaymentState.REVERSED);

    public static Outcome of(OrderFacts facts) {
        return switch (facts.order()) {
            case NONE -> othersHoldNothing(facts) ? STUCK : INCONSISTENT;
            case PENDING -> STUCK;
            case APPROVED ->
                facts.ticket() == TicketState.CONFIRMED && facts.payment() == PaymentState.AUTHORIZED
                        ? COMPLETED
                        : disagreementOrWork(facts);
            case REJECTED ->
                TICKET_GONE.contains(facts.ticket()) && NOT_CHARGED.contains(facts.payment())
                        ? COMPLETED
                        : disagreementOrWork(facts);
        };
    }

    /** A ticket still waiting for its confirmation is work in progress; anything else is a contradiction. */
    private static Outcome disagreementOrWork(OrderFacts facts) {
        boolean ticketMidWay = facts.ticket() == TicketState.PENDING;
        boolean paymentAgrees = facts.order() == OrderState.APPROVED
                ? facts.payment() == PaymentState.AUTHORIZED
                : NOT_CHARGED.contains(facts.payment());
        return ticketMidWay && paymentAgrees ? STUCK : INCONSISTENT;
    }

    private static boolean othersHoldNothing(OrderFacts facts) {
        return facts.ticket() == TicketState.NONE && facts.payment() == PaymentState.NONE;
    }
}
