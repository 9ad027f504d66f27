package dev.cairn.lab.sync;

import dev.cairn.lab.relational.Decisions;
import dev.cairn.lab.relational.NewOrders;
import dev.cairn.lab.relational.OrderLines;
import dev.cairn.lab.relational.Sql;
import dev.cairn.restaurant.app.ordering.OrderingContext.PlaceOrderBody;
import dev.cairn.restaurant.contracts.OrderEvent;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.ordering.domain.Order.Placed;
import dev.cairn.restaurant.ordering.domain.OrderCommand;
import dev.cairn.restaurant.ordering.domain.OrderCommand.ApproveOrder;
import dev.cairn.restaurant.ordering.domain.OrderCommand.RejectOrder;
import dev.cairn.restaurant.ordering.domain.OrderDecider;
import dev.cairn.restaurant.ordering.domain.OrderStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The order service's own database: its copy of the menus, and the {@code orders} row, changed only
 * as the restaurant's {@link OrderDecider} decides, each change in a short transaction of its own
 * (no transaction spans a call to another service).
 */
final class OrderRows {

    static final String SCHEMA = """
            CREATE TABLE restaurants (id text PRIMARY KEY, name text NOT NULL);
            CREATE TABLE menu_items (
              restaurant_id text NOT NULL REFERENCES restaurants, menu_item_id text NOT NULL,
              name text NOT NULL, price_cents bigint NOT NULL, PRIMARY KEY (restaurant_id, menu_item_id));
            CREATE TABLE orders (
              id text PRIMARY KEY, consumer_id text NOT NULL, restaurant_id text NOT NULL, restaurant_name text NOT NULL,
              total_cents bigint NOT NULL, delivery_address text NOT NULL, payment_token text NOT NULL,
              state text NOT NULL, rejection_reason text,
              created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
            CREATE TABLE order_lines (
              order_id text NOT NULL REFERENCES orders, line_no int NOT NULL, menu_item_id text NOT NULL,
              name text NOT NULL, quantity int NOT NULL, price_cents bigint NOT NULL, PRIMARY KEY (order_id, line_no));
            CREATE INDEX orders_pending ON orders (state) WHERE state = 'APPROVAL_PENDING';
            """;

    private static final OrderDecider DECIDER = new OrderDecider();

    private final Clock clock;

    OrderRows(Clock clock) {
        this.clock = clock;
    }

    /** Prices the request against the service's copy of the menu and inserts the order {@code APPROVAL_PENDING}. */
    OrderCreated create(Life life, String orderId, PlaceOrderBody body) throws SQLException {
        return life.inTransaction(tx -> {
            Placed order = NewOrders.place(tx, orderId, body, false);
            insert(tx, order);
            return order.details();
        });
    }

    OrderStatus approve(Life life, OrderCreated order) throws SQLException {
        return change(life, order, new ApproveOrder(order.orderId()), null);
    }

    /**
     * Rejects a pending order. The restaurant's rule (only a pending order; again: nothing) does not
     * look at the reason and names only its two; this style has more (a dependency that failed,
     * e.g. {@code KITCHEN_UNAVAILABLE}), which the row keeps as given.
     */
    OrderStatus reject(Life life, OrderCreated order, String reason) throws SQLException {
        OrderRejectionReason deciding =
                OrderRejectionReason.CONSUMER_UNKNOWN.name().equals(reason)
                        ? OrderRejectionReason.CONSUMER_UNKNOWN
                        : OrderRejectionReason.PAYMENT_DECLINED;
        return change(life, order, new RejectOrder(order.orderId(), deciding), reason);
    }

    private OrderStatus change(Life life, OrderCreated order, OrderCommand command, String reason) throws SQLException {
        return life.inTransaction(tx -> {
            String state = Sql.text(tx, "SELECT state FROM orders WHERE id = ? FOR UPDATE", order.orderId())
                    .orElseThrow();
            Placed current = new Placed(order, OrderStatus.valueOf(state), Optional.empty());
            List<OrderEvent> events = DECIDER.decide(command, current);
            Placed next = (Placed) Decisions.evolve(DECIDER, current, events);
            if (!events.isEmpty()) {
                Sql.update(
                        tx,
                        "UPDATE orders SET state = ?, rejection_reason = ?, updated_at = ? WHERE id = ?",
                        next.status().name(),
                        reason,
                        clock.instant(),
                        order.orderId());
            }
            return next.status();
        });
    }

    /** The orders a killed life left pending. */
    List<String> pending(Life life) throws SQLException {
        return life.inTransaction(tx -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement statement = tx.prepareStatement(
                            "SELECT id FROM orders WHERE state = 'APPROVAL_PENDING' ORDER BY created_at");
                    ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getString(1));
                }
            }
            return ids;
        });
    }

    /** An order as placed, read back from its rows. */
    OrderCreated details(Life life, String orderId) throws SQLException {
        return life.inTransaction(tx -> {
            String sql =
                    "SELECT consumer_id, restaurant_id, restaurant_name, total_cents, delivery_address, payment_token"
                            + " FROM orders WHERE id = ?";
            try (PreparedStatement statement = Sql.prepare(tx, sql, orderId);
                    ResultSet row = statement.executeQuery()) {
                row.next();
                return new OrderCreated(
                        orderId,
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        OrderLines.read(tx, orderId),
                        row.getLong(4),
                        row.getString(5),
                        row.getString(6));
            }
        });
    }

    private void insert(Connection tx, Placed order) throws SQLException {
        OrderCreated details = order.details();
        Instant now = clock.instant();
        Sql.update(
                tx,
                "INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)",
                details.orderId(),
                details.consumerId(),
                details.restaurantId(),
                details.restaurantName(),
                details.totalCents(),
                details.deliveryAddress(),
                details.paymentToken(),
                order.status().name(),
                now,
                now);
        OrderLines.insert(tx, details.orderId(), details.lines());
    }
}
