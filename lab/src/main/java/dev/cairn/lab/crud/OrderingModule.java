package dev.cairn.lab.crud;

import dev.cairn.lab.relational.Decisions;
import dev.cairn.lab.relational.NewOrders;
import dev.cairn.lab.relational.OrderLines;
import dev.cairn.lab.relational.Sql;
import dev.cairn.restaurant.app.ordering.OrderingContext.PlaceOrderBody;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.ordering.domain.Order.Placed;
import dev.cairn.restaurant.ordering.domain.OrderCommand;
import dev.cairn.restaurant.ordering.domain.OrderCommand.ApproveOrder;
import dev.cairn.restaurant.ordering.domain.OrderCommand.RejectOrder;
import dev.cairn.restaurant.ordering.domain.OrderDecider;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** The monolith's ordering module: the restaurant's {@link OrderDecider} over the {@code orders} row. */
final class OrderingModule {

    private static final OrderDecider DECIDER = new OrderDecider();

    private final Steps steps;

    OrderingModule(Steps steps) {
        this.steps = steps;
    }

    /**
     * Prices the request against the menu, read {@code FOR SHARE} so a concurrent menu change waits
     * for this order, and inserts the order {@code APPROVAL_PENDING}.
     */
    Placed create(Connection tx, String orderId, PlaceOrderBody body) throws SQLException {
        steps.next(orderId, "database", "SELECT restaurant and menu FOR SHARE");
        Placed order = NewOrders.place(tx, orderId, body, true);
        OrderCreated details = order.details();
        steps.next(orderId, "database", "INSERT order " + order.status());
        Instant now = steps.now();
        Sql.update(
                tx,
                "INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)",
                orderId,
                details.consumerId(),
                details.restaurantId(),
                details.totalCents(),
                details.deliveryAddress(),
                order.status().name(),
                now,
                now);
        OrderLines.insert(tx, orderId, details.lines());
        return order;
    }

    Placed approve(Connection tx, Placed order) throws SQLException {
        return apply(tx, order, new ApproveOrder(order.details().orderId()), null);
    }

    Placed reject(Connection tx, Placed order, OrderRejectionReason reason) throws SQLException {
        return apply(tx, order, new RejectOrder(order.details().orderId(), reason), reason.name());
    }

    private Placed apply(Connection tx, Placed order, OrderCommand command, String reason) throws SQLException {
        Placed next = (Placed) Decisions.evolve(DECIDER, order, DECIDER.decide(command, order));
        steps.next(command.orderId(), "database", "UPDATE order " + next.status());
        Sql.update(
                tx,
                "UPDATE orders SET state = ?, rejection_reason = ?, updated_at = ? WHERE id = ?",
                next.status().name(),
                reason,
                steps.now(),
                command.orderId());
        return next;
    }
}
