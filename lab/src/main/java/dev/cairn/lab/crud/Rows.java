package dev.cairn.lab.crud;

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
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads what the monolith's rows hold. Rows are updated in place, so they tell the current state
 * and when a row was created and last updated, nothing between and no cause: {@link #history}
 * reports exactly that, and leaves the rest out.
 */
final class Rows implements RowReader {

    private static final String FACTS = """
            SELECT o.id, o.state, o.created_at, o.updated_at, t.state, p.state
            FROM orders o LEFT JOIN tickets t ON t.order_id = o.id LEFT JOIN payments p ON p.order_id = o.id""";

    private final HikariDataSource observer;

    Rows(HikariDataSource observer) {
        this.observer = observer;
    }

    @Override
    public List<OrderFacts> facts() throws SQLException {
        List<OrderFacts> facts = new ArrayList<>();
        try (Connection connection = observer.getConnection();
                PreparedStatement statement = connection.prepareStatement(FACTS);
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                OrderState order = RowStates.orderState(OrderStatus.valueOf(row.getString(2)));
                Instant updatedAt = Sql.instant(row, 4);
                boolean isFinal = order == OrderState.APPROVED || order == OrderState.REJECTED;
                facts.add(new OrderFacts(
                        row.getString(1),
                        order,
                        ticketState(row.getString(5)),
                        paymentState(row.getString(6)),
                        Sql.instant(row, 3),
                        isFinal ? updatedAt : null));
            }
        }
        return facts;
    }

    @Override
    public List<HistoryStep> history(String orderId) throws SQLException {
        List<HistoryStep> steps = new ArrayList<>();
        try (Connection connection = observer.getConnection()) {
            orderSteps(connection, orderId, steps);
            rowSteps(
                    connection,
                    "SELECT state, created_at, updated_at FROM tickets WHERE order_id = ?",
                    orderId,
                    "kitchen",
                    "ticket",
                    state -> ticketState(state).name(),
                    steps);
            rowSteps(
                    connection,
                    "SELECT state, created_at, updated_at FROM payments WHERE order_id = ?",
                    orderId,
                    "accounting",
                    "payment",
                    state -> state,
                    steps);
        }
        steps.sort(Comparator.comparing(HistoryStep::at));
        return steps;
    }

    private static void orderSteps(Connection connection, String orderId, List<HistoryStep> steps) throws SQLException {
        String sql = "SELECT state, created_at, updated_at, rejection_reason FROM orders WHERE id = ?";
        try (PreparedStatement statement = Sql.prepare(connection, sql, orderId);
                ResultSet row = statement.executeQuery()) {
            if (row.next()) {
                // The one cause a row keeps: why an order was rejected.
                String reason = row.getString(4);
                rowSteps(
                        row,
                        "order",
                        "",
                        UnaryOperator.identity(),
                        reason == null ? null : "rejection_reason " + reason,
                        steps);
            }
        }
    }

    private static void rowSteps(
            Connection connection,
            String sql,
            String orderId,
            String service,
            String thing,
            UnaryOperator<String> stateName,
            List<HistoryStep> steps)
            throws SQLException {
        try (PreparedStatement statement = Sql.prepare(connection, sql, orderId);
                ResultSet row = statement.executeQuery()) {
            if (row.next()) {
                rowSteps(row, service, thing + " ", stateName, null, steps);
            }
        }
    }

    private static void rowSteps(
            ResultSet row,
            String service,
            String prefix,
            UnaryOperator<String> stateName,
            String cause,
            List<HistoryStep> steps)
            throws SQLException {
        steps.addAll(RowStates.history(
                service, prefix, stateName.apply(row.getString(1)), cause, Sql.instant(row, 2), Sql.instant(row, 3)));
    }

    /** A ticket's state from a {@code LEFT JOIN}: no row, no ticket. */
    private static TicketState ticketState(String state) {
        if (state == null) {
            return TicketState.NONE;
        }
        return RowStates.ticketState(TicketStatus.valueOf(state));
    }

    private static PaymentState paymentState(String state) {
        return state == null ? PaymentState.NONE : PaymentState.valueOf(state);
    }

    @Override
    public void close() {
        observer.close();
    }
}
