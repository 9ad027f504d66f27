package dev.cairn.lab.eventsourced;

import dev.cairn.lab.OrderFacts;
import dev.cairn.lab.OrderFacts.OrderState;
import dev.cairn.lab.OrderFacts.PaymentState;
import dev.cairn.lab.OrderFacts.TicketState;
import dev.cairn.restaurant.accounting.domain.Payment;
import dev.cairn.restaurant.accounting.domain.PaymentDecider;
import dev.cairn.restaurant.consumers.domain.Verification;
import dev.cairn.restaurant.consumers.domain.VerificationDecider;
import dev.cairn.restaurant.contracts.ConsumerEvent;
import dev.cairn.restaurant.contracts.OrderEvent;
import dev.cairn.restaurant.contracts.OrderEvent.OrderApproved;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.OrderEvent.OrderRejected;
import dev.cairn.restaurant.contracts.PaymentEvent;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TicketEvent;
import dev.cairn.restaurant.kitchen.domain.Ticket;
import dev.cairn.restaurant.kitchen.domain.TicketDecider;
import dev.cairn.restaurant.ordering.domain.Order;
import dev.cairn.restaurant.ordering.domain.OrderDecider;
import java.time.Instant;

/**
 * One order's state in each service, folded from that service's own streams with that service's
 * own decider ({@code evolve}): the order (ordering), the verification (consumers), the ticket
 * (kitchen) and the payment (accounting). Not thread-safe: {@link OrderLog} confines it.
 */
final class OrderStates {

    private static final OrderDecider ORDERS = new OrderDecider();
    private static final VerificationDecider VERIFICATIONS = new VerificationDecider();
    private static final TicketDecider TICKETS = new TicketDecider();
    private static final PaymentDecider PAYMENTS = new PaymentDecider();

    private final String orderId;
    private Order order = ORDERS.initialState();
    private Verification verification = VERIFICATIONS.initialState();
    private Ticket ticket = TICKETS.initialState();
    private Payment payment = PAYMENTS.initialState();
    private Instant createdAt;
    private Instant finalAt;

    OrderStates(String orderId) {
        this.orderId = orderId;
    }

    /** Folds one event of the order's streams into the state of the service that owns it. */
    void apply(PublishedEvent event, Instant recordedAt) {
        switch (event) {
            case OrderEvent e -> {
                order = ORDERS.evolve(order, e);
                if (e instanceof OrderCreated) {
                    createdAt = recordedAt;
                } else if (e instanceof OrderApproved || e instanceof OrderRejected) {
                    finalAt = recordedAt;
                }
            }
            case ConsumerEvent e -> verification = VERIFICATIONS.evolve(verification, e);
            case TicketEvent e -> ticket = TICKETS.evolve(ticket, e);
            case PaymentEvent e -> payment = PAYMENTS.evolve(payment, e);
            default -> {} // restaurants, delivery and couriers hold nothing the lab judges
        }
    }

    /** Applies the event and says what the owning service's state became. */
    String describeAfter(PublishedEvent event, Instant recordedAt) {
        apply(event, recordedAt);
        return switch (event) {
            case OrderEvent e ->
                switch (order) {
                    case Order.Placed placed -> placed.status().name();
                    case Order.NotPlaced none -> "NONE";
                };
            case ConsumerEvent e -> "verification " + verification.name();
            case TicketEvent e ->
                "ticket "
                        + switch (ticket) {
                            case Ticket.Existing existing -> existing.status().name();
                            case Ticket.NoTicket none -> "NONE";
                        };
            case PaymentEvent e ->
                "payment "
                        + switch (payment) {
                            case Payment.Existing existing -> existing.status().name();
                            case Payment.NoPayment none -> "NONE";
                        };
            default -> event.getClass().getSimpleName();
        };
    }

    OrderFacts facts() {
        return new OrderFacts(orderId, orderState(), ticketState(), paymentState(), createdAt, finalAt);
    }

    /** A cancellation (not part of the lab's flows) counts as a refusal: nothing was delivered or charged. */
    private OrderState orderState() {
        return switch (order) {
            case Order.NotPlaced none -> OrderState.NONE;
            case Order.Placed placed ->
                switch (placed.status()) {
                    case APPROVAL_PENDING -> OrderState.PENDING;
                    case APPROVED, CANCEL_PENDING, COMPLETED -> OrderState.APPROVED; // the lab's flows end at approval
                    case REJECTED, CANCELLED -> OrderState.REJECTED;
                };
        };
    }

    /** Confirmed means paid for and past creation: awaiting acceptance or any later kitchen step. */
    private TicketState ticketState() {
        return switch (ticket) {
            case Ticket.NoTicket none -> TicketState.NONE;
            case Ticket.Existing existing ->
                switch (existing.status()) {
                    case CREATE_PENDING -> TicketState.PENDING;
                    case AWAITING_ACCEPTANCE, ACCEPTED, PREPARING, READY_FOR_PICKUP, PICKED_UP -> TicketState.CONFIRMED;
                    case REJECTED -> TicketState.REJECTED;
                    case CANCELLED -> TicketState.CANCELLED;
                };
        };
    }

    private PaymentState paymentState() {
        return switch (payment) {
            case Payment.NoPayment none -> PaymentState.NONE;
            case Payment.Existing existing ->
                switch (existing.status()) {
                    case AUTHORIZED, CAPTURED ->
                        PaymentState.AUTHORIZED; // captured only after a delivery, which the lab never reaches
                    case DECLINED -> PaymentState.DECLINED;
                    case REVERSED -> PaymentState.REVERSED;
                };
        };
    }
}
