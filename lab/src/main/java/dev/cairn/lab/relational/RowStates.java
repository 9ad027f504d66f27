package dev.cairn.lab.relational;

import dev.cairn.lab.HistoryStep;
import dev.cairn.lab.OrderFacts.OrderState;
import dev.cairn.lab.OrderFacts.TicketState;
import dev.cairn.restaurant.kitchen.domain.TicketStatus;
import dev.cairn.restaurant.ordering.domain.OrderStatus;
import java.time.Instant;
import java.util.List;

/**
 * How rows updated in place read as the lab's facts and history: a row holds the restaurant's
 * status of its thing, when it was created and when it was last updated, nothing between.
 */
public final class RowStates {

    private RowStates() {}

    public static OrderState orderState(OrderStatus status) {
        return switch (status) {
            case APPROVAL_PENDING -> OrderState.PENDING;
            case APPROVED -> OrderState.APPROVED;
            case REJECTED -> OrderState.REJECTED;
            case CANCEL_PENDING, CANCELLED, COMPLETED ->
                throw new IllegalStateException("the lab's flow never cancels or delivers an order: " + status);
        };
    }

    public static TicketState ticketState(TicketStatus status) {
        return switch (status) {
            case CREATE_PENDING -> TicketState.PENDING;
            case AWAITING_ACCEPTANCE, ACCEPTED, PREPARING, READY_FOR_PICKUP, PICKED_UP -> TicketState.CONFIRMED;
            case REJECTED -> TicketState.REJECTED;
            case CANCELLED -> TicketState.CANCELLED;
        };
    }

    /**
     * The steps one row tells. A row never updated was inserted in the state it holds; a row updated
     * since tells only when it was created (not in which state) and its state as of its last update:
     * the states between are gone.
     *
     * @param prefix what the row is, before its state: {@code ""} for the order, {@code "ticket "}, …
     * @param cause  what the row keeps of why it came to its state, or {@code null}
     */
    public static List<HistoryStep> history(
            String service, String prefix, String state, String cause, Instant createdAt, Instant updatedAt) {
        if (createdAt.equals(updatedAt)) {
            return List.of(new HistoryStep(service, prefix + state, cause, createdAt));
        }
        return List.of(
                new HistoryStep(service, prefix + "created (its state then is not stored)", null, createdAt),
                new HistoryStep(service, prefix + state, cause, updatedAt));
    }
}
