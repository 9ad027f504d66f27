package dev.cairn.restaurant.ordering.domain;

import static dev.cairn.restaurant.ordering.domain.OrderStatus.APPROVAL_PENDING;
import static dev.cairn.restaurant.ordering.domain.OrderStatus.APPROVED;
import static dev.cairn.restaurant.ordering.domain.OrderStatus.CANCELLED;
import static dev.cairn.restaurant.ordering.domain.OrderStatus.CANCEL_PENDING;
import static dev.cairn.restaurant.ordering.domain.OrderStatus.COMPLETED;
import static dev.cairn.restaurant.ordering.domain.OrderStatus.REJECTED;

import dev.cairn.core.model.Decider;
import dev.cairn.core.model.Rejection;
import dev.cairn.restaurant.contracts.CancellationReason;
import dev.cairn.restaurant.contracts.OrderEvent;
import dev.cairn.restaurant.contracts.OrderEvent.OrderApproved;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCancellationRefused;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCancellationRequested;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCancelled;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCompleted;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.OrderEvent.OrderRejected;
import dev.cairn.restaurant.ordering.domain.Order.NotPlaced;
import dev.cairn.restaurant.ordering.domain.Order.Placed;
import dev.cairn.restaurant.ordering.domain.OrderCommand.ApproveOrder;
import dev.cairn.restaurant.ordering.domain.OrderCommand.CancelOrder;
import dev.cairn.restaurant.ordering.domain.OrderCommand.CompleteCancellation;
import dev.cairn.restaurant.ordering.domain.OrderCommand.CompleteOrder;
import dev.cairn.restaurant.ordering.domain.OrderCommand.PlaceOrder;
import dev.cairn.restaurant.ordering.domain.OrderCommand.RefuseCancellation;
import dev.cairn.restaurant.ordering.domain.OrderCommand.RejectOrder;
import java.util.List;
import java.util.Optional;

/**
 * An order's life, in {@code order-<orderId>}:
 * {@code APPROVAL_PENDING → APPROVED | REJECTED}, {@code APPROVED → CANCEL_PENDING → APPROVED | CANCELLED},
 * {@code APPROVED → CANCELLED} when the kitchen rejects it, and {@code APPROVED → COMPLETED} once delivered.
 *
 * <p>Most commands come from reactions and may be redelivered, so a command whose effect is
 * already there (approving an approved order) succeeds with no events; a command that contradicts
 * the state (approving a rejected order) is refused as NOT_ALLOWED.
 */
public final class OrderDecider implements Decider<OrderCommand, Order, OrderEvent> {

    /** The reason of a refused cancellation, for clients that want to tell it apart. */
    public static final String NOT_CANCELLABLE = "ORDER_NOT_CANCELLABLE";

    @Override
    public Order initialState() {
        return new NotPlaced();
    }

    @Override
    public List<OrderEvent> decide(OrderCommand command, Order state) {
        return switch (command) {
            case PlaceOrder place -> place(place, state);
            case ApproveOrder approve -> approve(placed(state, approve.orderId()));
            case RejectOrder reject -> reject(reject, placed(state, reject.orderId()));
            case CancelOrder cancel -> cancel(cancel, placed(state, cancel.orderId()));
            case RefuseCancellation refuse -> refuseCancellation(placed(state, refuse.orderId()));
            case CompleteCancellation complete -> completeCancellation(complete, placed(state, complete.orderId()));
            case CompleteOrder complete -> complete(placed(state, complete.orderId()));
        };
    }

    @Override
    public Order evolve(Order state, OrderEvent event) {
        return switch (event) {
            case OrderCreated created -> new Placed(created, APPROVAL_PENDING, Optional.empty());
            case OrderApproved approved -> placed(state, approved.orderId()).in(APPROVED);
            case OrderRejected rejected -> placed(state, rejected.orderId()).in(REJECTED);
            case OrderCancellationRequested requested ->
                placed(state, requested.orderId()).in(CANCEL_PENDING);
            case OrderCancellationRefused refused ->
                placed(state, refused.orderId()).in(APPROVED);
            case OrderCancelled cancelled -> placed(state, cancelled.orderId()).cancelled(cancelled.reason());
            case OrderCompleted completed -> placed(state, completed.orderId()).in(COMPLETED);
        };
    }

    /** Same order placed again: nothing to do; another order under the same id: refused. */
    private static List<OrderEvent> place(PlaceOrder command, Order state) {
        OrderCreated created = OrderPricing.price(command);
        return switch (state) {
            case NotPlaced notPlaced -> List.of(created);
            case Placed placed when placed.details().equals(created) -> List.of();
            case Placed placed ->
                throw Rejection.notAllowed(
                        "ALREADY_EXISTS", "order " + command.orderId() + " already exists with other details");
        };
    }

    private static List<OrderEvent> approve(Placed order) {
        return switch (order.status()) {
            case APPROVAL_PENDING -> List.of(new OrderApproved(order.details().orderId()));
            case APPROVED, CANCEL_PENDING, CANCELLED, COMPLETED -> List.of();
            case REJECTED -> throw transition(order, "approve", APPROVAL_PENDING);
        };
    }

    private static List<OrderEvent> reject(RejectOrder command, Placed order) {
        return switch (order.status()) {
            case APPROVAL_PENDING -> List.of(new OrderRejected(command.orderId(), command.reason()));
            case REJECTED -> List.of();
            case APPROVED, CANCEL_PENDING, CANCELLED, COMPLETED -> throw transition(order, "reject", APPROVAL_PENDING);
        };
    }

    /** Only an approved order the kitchen has not started on may be cancelled (restaurant.md). */
    private static List<OrderEvent> cancel(CancelOrder command, Placed order) {
        return switch (order.status()) {
            case APPROVED -> {
                if (command.preparationStarted()) {
                    throw Rejection.notAllowed(
                            NOT_CANCELLABLE,
                            "order " + command.orderId()
                                    + " can no longer be cancelled: the kitchen has started preparing it");
                }
                yield List.of(new OrderCancellationRequested(command.orderId()));
            }
            case CANCEL_PENDING -> List.of();
            case CANCELLED -> cancelAgain(order);
            case APPROVAL_PENDING, REJECTED, COMPLETED ->
                throw Rejection.notAllowed(
                        NOT_CANCELLABLE,
                        "order " + command.orderId() + " is " + order.status()
                                + "; only an APPROVED order can be cancelled");
        };
    }

    private static List<OrderEvent> cancelAgain(Placed order) {
        if (order.cancelledFor().equals(Optional.of(CancellationReason.CANCELLED_BY_CONSUMER))) {
            return List.of();
        }
        throw Rejection.notAllowed(NOT_CANCELLABLE, "order " + order.details().orderId() + " is already CANCELLED");
    }

    private static List<OrderEvent> refuseCancellation(Placed order) {
        return switch (order.status()) {
            case CANCEL_PENDING ->
                List.of(new OrderCancellationRefused(order.details().orderId()));
            case APPROVED, COMPLETED -> List.of(); // delivered meanwhile: the order stands anyway
            case APPROVAL_PENDING, REJECTED, CANCELLED ->
                throw transition(order, "refuse the cancellation of", CANCEL_PENDING);
        };
    }

    private static List<OrderEvent> completeCancellation(CompleteCancellation command, Placed order) {
        return switch (order.status()) {
            case APPROVED, CANCEL_PENDING -> List.of(new OrderCancelled(command.orderId(), command.reason()));
            case CANCELLED -> List.of();
            case APPROVAL_PENDING, REJECTED, COMPLETED -> throw transition(order, "cancel", APPROVED);
        };
    }

    /**
     * Delivered food ends the order. A delivery exists only for an accepted ticket, so the order is
     * APPROVED; CANCEL_PENDING happens when a late cancellation request is still on its way to the
     * kitchen, which will refuse it (the food has left), so the delivery wins.
     */
    private static List<OrderEvent> complete(Placed order) {
        return switch (order.status()) {
            case APPROVED, CANCEL_PENDING ->
                List.of(new OrderCompleted(order.details().orderId()));
            case COMPLETED -> List.of();
            case APPROVAL_PENDING, REJECTED, CANCELLED -> throw transition(order, "complete", APPROVED);
        };
    }

    private static Placed placed(Order state, String orderId) {
        return switch (state) {
            case Placed placed -> placed;
            case NotPlaced notPlaced ->
                throw Rejection.notFound("ORDER_NOT_FOUND", "order " + orderId + " does not exist");
        };
    }

    private static Rejection transition(Placed order, String action, OrderStatus needed) {
        return Rejection.notAllowed(
                "INVALID_TRANSITION",
                "cannot " + action + " order " + order.details().orderId() + ": it is " + order.status()
                        + ", which needs " + needed);
    }
}
