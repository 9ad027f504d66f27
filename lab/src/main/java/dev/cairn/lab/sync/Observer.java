package dev.cairn.lab.sync;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.lab.HistoryStep;
import dev.cairn.lab.OrderFacts;
import dev.cairn.lab.OrderFacts.OrderState;
import dev.cairn.lab.OrderFacts.PaymentState;
import dev.cairn.lab.OrderFacts.TicketState;
import dev.cairn.lab.relational.RowReader;
import dev.cairn.lab.relational.RowStates;
import dev.cairn.lab.relational.Sql;
import dev.cairn.restaurant.kitchen.domain.TicketStatus;
import dev.cairn.restaurant.ordering.domain.OrderStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab's reader of each service's own database (it outlives the services' stops and crashes).
 * The order database is read first: every other service reaches its final state before the order
 * does, so a read racing the flow sees an order still pending rather than a false disagreement.
 *
 * <p>Rows are updated in place, so {@link #history} tells when each row was created and its state
 * as of its last update, nothing between and no cause but an order's rejection reason.
 */
final class Observer implements RowReader {

    private final HikariDataSource order;
    private final HikariDataSource consumer;
    private final HikariDataSource kitchen;
    private final HikariDataSource accounting;

    Observer(String orderUrl, String consumerUrl, String kitchenUrl, String accountingUrl) {
        this.order = RowReader.pool(orderUrl, "sync-observer-order");
        this.consumer = RowReader.pool(consumerUrl, "sync-observer-consumer");
        this.kitchen = RowReader.pool(kitchenUrl, "sync-observer-kitchen");
        this.accounting = RowReader.pool(accountingUrl, "sync-observer-accounting");
    }

    private static final class Facts {
        OrderState order = OrderState.NONE;
        TicketState ticket = TicketState.NONE;
        PaymentState payment = PaymentState.NONE;
        Instant createdAt;
        Instant finalAt;
    }

    @Override
    public List<OrderFacts> facts() throws SQLException {
        Map<String, Facts> byOrder = new LinkedHashMap<>();
        for (ResultRow row : rows(order, "SELECT id, state, created_at, updated_at FROM orders")) {
            Facts facts = byOrder.computeIfAbsent(row.id(), id -> new Facts());
            facts.order = RowStates.orderState(OrderStatus.valueOf(row.state()));
            facts.createdAt = row.createdAt();
            facts.finalAt =
                    facts.order == OrderState.APPROVED || facts.order == OrderState.REJECTED ? row.updatedAt() : null;
        }
        for (ResultRow row : rows(kitchen, "SELECT order_id, state, created_at, updated_at FROM tickets")) {
            byOrder.computeIfAbsent(row.id(), id -> new Facts()).ticket =
                    RowStates.ticketState(TicketStatus.valueOf(row.state()));
        }
        for (ResultRow row : rows(accounting, "SELECT order_id, state, created_at, updated_at FROM payments")) {
            byOrder.computeIfAbsent(row.id(), id -> new Facts()).payment = PaymentState.valueOf(row.state());
        }
        List<OrderFacts> facts = new ArrayList<>();
        byOrder.forEach((id, f) -> facts.add(new OrderFacts(id, f.order, f.ticket, f.payment, f.createdAt, f.finalAt)));
        return facts;
    }

    @Override
    public List<HistoryStep> history(String orderId) throws SQLException {
        List<HistoryStep> steps = new ArrayList<>();
        for (ResultRow row : rows(
                order,
                "SELECT id, state, created_at, updated_at, rejection_reason FROM orders WHERE id = ?",
                orderId)) {
            // The one cause a row keeps: why an order was rejected.
            steps(steps, "order", "", row.state(), row, row.extra() == null ? null : "rejection_reason " + row.extra());
        }
        for (ResultRow row : rows(
                consumer,
                "SELECT order_id, outcome, created_at, created_at FROM verifications WHERE order_id = ?",
                orderId)) {
            steps(steps, "consumer", "verification ", row.state(), row, null);
        }
        for (ResultRow row : rows(
                kitchen, "SELECT order_id, state, created_at, updated_at FROM tickets WHERE order_id = ?", orderId)) {
            steps(
                    steps,
                    "kitchen",
                    "ticket ",
                    RowStates.ticketState(TicketStatus.valueOf(row.state())).name(),
                    row,
                    null);
        }
        for (ResultRow row : rows(
                accounting,
                "SELECT order_id, state, created_at, updated_at FROM payments WHERE order_id = ?",
                orderId)) {
            steps(steps, "accounting", "payment ", row.state(), row, null);
        }
        steps.sort(Comparator.comparing(HistoryStep::at));
        return steps;
    }

    private static void steps(
            List<HistoryStep> steps, String service, String prefix, String state, ResultRow row, String cause) {
        steps.addAll(RowStates.history(service, prefix, state, cause, row.createdAt(), row.updatedAt()));
    }

    private record ResultRow(String id, String state, Instant createdAt, Instant updatedAt, String extra) {}

    private static List<ResultRow> rows(HikariDataSource database, String sql, Object... parameters)
            throws SQLException {
        List<ResultRow> rows = new ArrayList<>();
        try (Connection connection = database.getConnection();
                PreparedStatement statement = Sql.prepare(connection, sql, parameters);
                ResultSet row = statement.executeQuery()) {
            boolean extra = row.getMetaData().getColumnCount() > 4;
            while (row.next()) {
                rows.add(new ResultRow(
                        row.getString(1),
                        row.getString(2),
                        Sql.instant(row, 3),
                        Sql.instant(row, 4),
                        extra ? row.getString(5) : null));
            }
        }
        return rows;
    }

    @Override
    public void close() {
        order.close();
        consumer.close();
        kitchen.close();
        accounting.close();
    }
}
