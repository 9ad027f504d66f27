package dev.cairn.lab.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.lab.Trace;
import dev.cairn.lab.sync.Downstream.Failed;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.ordering.domain.OrderStatus;
import java.net.URI;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The order service's orchestration of one pending order, inside the client's request: verify the
 * consumer, create the ticket, authorise the payment, confirm the ticket, approve. A business "no"
 * rejects the order (an unknown consumer; a declined payment, after rejecting the ticket's creation).
 * A step that fails after its retries ends the order too, best effort: what the earlier steps did
 * is undone where the services can still be reached (the ticket rejected, the payment reversed),
 * the order is rejected with the failure as its reason, and the client gets the failure.
 */
final class Orchestration {

    /** Where the other services listen. */
    record Peers(URI consumer, URI kitchen, URI accounting) {}

    private final Life life;
    private final Downstream calls;
    private final OrderRows orders;
    private final Trace trace;
    private final Peers peers;

    Orchestration(Life life, Downstream calls, OrderRows orders, Trace trace, Peers peers) {
        this.life = life;
        this.calls = calls;
        this.orders = orders;
        this.trace = trace;
        this.peers = peers;
    }

    OrderStatus run(OrderCreated order) throws Failed, SQLException {
        if (!verify(order)) {
            return reject(order, OrderRejectionReason.CONSUMER_UNKNOWN.name());
        }
        createTicket(order);
        if (!authorize(order)) {
            rejectTicket(order, OrderRejectionReason.PAYMENT_DECLINED.name());
            return reject(order, OrderRejectionReason.PAYMENT_DECLINED.name());
        }
        confirmTicket(order);
        trace.record(order.orderId(), "order", "order db", "UPDATE order APPROVED");
        return orders.approve(life, order);
    }

    private boolean verify(OrderCreated order) throws Failed, SQLException {
        return step(
                        order,
                        "verify",
                        "consumer",
                        peers.consumer().resolve("/verifications"),
                        Map.of("orderId", order.orderId(), "consumerId", order.consumerId()),
                        failure -> {}) // the first step: nothing done yet to undo
                .path("outcome")
                .asText()
                .equals("VERIFIED");
    }

    /** A time-out may hide a ticket that was created: its creation is rejected, should it exist. */
    private void createTicket(OrderCreated order) throws Failed, SQLException {
        step(
                order,
                "create-ticket",
                "kitchen",
                peers.kitchen().resolve("/tickets"),
                Map.of("orderId", order.orderId(), "restaurantId", order.restaurantId(), "lines", order.lines()),
                failure -> rejectTicket(order, failure));
    }

    /** A time-out may hide an authorisation: it is reversed, should it exist. */
    private boolean authorize(OrderCreated order) throws Failed, SQLException {
        return step(
                        order,
                        "authorize",
                        "accounting",
                        peers.accounting().resolve("/payments"),
                        Map.of(
                                "orderId",
                                order.orderId(),
                                "consumerId",
                                order.consumerId(),
                                "amountCents",
                                order.totalCents(),
                                "paymentToken",
                                order.paymentToken()),
                        failure -> undoPaymentAndTicket(order, failure))
                .path("state")
                .asText()
                .equals("AUTHORIZED");
    }

    private void confirmTicket(OrderCreated order) throws Failed, SQLException {
        step(
                order,
                "confirm-ticket",
                "kitchen",
                peers.kitchen().resolve("/tickets/" + order.orderId() + "/confirm"),
                Map.of(),
                failure -> undoPaymentAndTicket(order, failure));
    }

    /**
     * One step of the order: its reply, or, when it failed after its retries, the order abandoned
     * once {@code undo} has been given the failure's code to compensate what the earlier steps did.
     */
    private JsonNode step(
            OrderCreated order, String step, String service, URI uri, Map<String, ?> body, Consumer<String> undo)
            throws Failed, SQLException {
        try {
            return calls.post(order.orderId(), step, service, uri, body);
        } catch (Failed failed) {
            undo.accept(failed.code());
            throw abandon(order, failed);
        }
    }

    private void undoPaymentAndTicket(OrderCreated order, String failure) {
        reversePayment(order);
        rejectTicket(order, failure);
    }

    /** Best effort: when the kitchen cannot be reached either, the ticket stays as it is. */
    private void rejectTicket(OrderCreated order, String reason) {
        compensate(
                order,
                "reject-ticket",
                "kitchen",
                peers.kitchen().resolve("/tickets/" + order.orderId() + "/reject-creation"),
                Map.of("reason", reason));
    }

    private void reversePayment(OrderCreated order) {
        compensate(
                order,
                "reverse-payment",
                "accounting",
                peers.accounting().resolve("/payments/" + order.orderId() + "/reverse"),
                Map.of());
    }

    private void compensate(OrderCreated order, String step, String service, URI uri, Map<String, ?> body) {
        try {
            calls.post(order.orderId(), step, service, uri, body);
        } catch (Failed failed) {
            // Nothing to undo (404), or unreachable: the trace shows it; a careful team would alert here.
            trace.record(order.orderId(), "order", "order", step + " given up: " + failed.code());
        }
    }

    private Failed abandon(OrderCreated order, Failed failed) throws SQLException {
        reject(order, failed.code());
        return failed;
    }

    private OrderStatus reject(OrderCreated order, String reason) throws SQLException {
        trace.record(order.orderId(), "order", "order db", "UPDATE order REJECTED " + reason);
        return orders.reject(life, order, reason);
    }
}
