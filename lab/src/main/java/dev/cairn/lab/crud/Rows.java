package dev.cairn.lab.crud;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.lab.HistoryStep;
import dev.cairn.lab.OrderFacts;
import dev.cairn.lab.OrderFacts.OrderState;
import dev.cairn.lab.OrderFacts.PaymentState;
import dev.cairn.lab.OrderFacts.TicketState;
import dev.cairn.restaurant.kitchen.domain.TicketStatus;
import dev.cairn.restaurant.ordering.domain.OrderStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads what the monolith's rows hold. Rows are updated in place, so they tell the current state
 * and when a row was created and last updated, nothing between and no cause: {@link #history}
 * reports exactly that, and leaves the rest out.
 */
final class Rows implements AutoCloseable {

    private static final String FACTS = """
            SELECT o.id, o.state, o.created_at, o.updated_at, t.state, p.state
            FROM orders o LEFT JOIN tickets t ON t.order_id = o.id LEFT JOIN payments p ON p.order_id = o.id""";

    private final HikariDataSource observer;

    Rows(HikariDataSource observer) {
        this.observer = observer;
    }

    List<OrderFacts> facts() throws SQLException {
        List<OrderFacts> facts = new ArrayList<>();
        try (Connection connection = observer.getConnection();
             PreparedStatement statement = connection.prepareStatement(FACTS);
             ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                OrderState order = orderState(OrderStatus.valueOf(row.getString(2)));
                Instant updatedAt = Sql.instant(row.getObject(4, OffsetDateTime.class));
                boolean isFinal = order == OrderState.APPROVED || order == OrderState.REJECTED;
                facts.add(new OrderFacts(row.getString(1), order, ticketState(row.getString(5)),
                        paymentState(row.getString(6)), Sql.instant(row.getObject(3, OffsetDateTime.class)),
                        isFinal ? updatedAt : null));
            }
        }
        return facts;
    }

    List<HistoryStep> history(String orderId) throws SQLException {
        List<HistoryStep> steps = new ArrayList<>();
        try (Connection connection = observer.getConnection()) {
            orderSteps(connection, orderId, steps);
            rowSteps(connection, "SELECT state, created_at, updated_at FROM tickets WHERE order_id = ?", orderId,
                    "kitchen", "ticket", state -> ticketState(state).name(), steps);
            rowSteps(connection, "SELECT state, created_at, updated_at FROM payments WHERE order_id = ?", orderId,
                    "accounting", "payment", state -> state, steps);
        }
        steps.sort(Comparator.comparing(HistoryStep::at));
        return steps;
    }

    private static void orderSteps(Connection connection, String orderId, List<HistoryStep> steps) throws SQLException {
        String sql = "SELECT state, created_at, updated_at, rejection_reason FROM orders WHERE id = ?";
        try (PreparedStatement statement = Sql.prepare(connection, sql, orderId); ResultSet row = statement.executeQuery()) {
            if (row.next()) {
                // The one cause a row keeps: why an order was rejected.
                String reason = row.getString(4);
                rowSteps(row, "order", "", UnaryOperator.identity(), reason == null ? null : "rejection_reason " + reason, steps);
            }
        }
    }

    private static void rowSteps(Connection connection, String sql, String orderId, String service, String thing,
                                 UnaryOperator<String> stateName, List<HistoryStep> steps) throws SQLException {
        try (PreparedStatement statement = Sql.prepare(connection, sql, orderId); ResultSet row = statement.executeQuery()) {
            if (row.next()) {
                rowSteps(row, service, thing + " ", stateName, null, steps);
            }
        }
    }

    /**
     * A row never updated was inserted in the state it holds; a row updated since tells only when it
     * was created (not in which state) and its state as of its last update: the states between are gone.
     */
    private static void rowSteps(ResultSet row, String service, String prefix, UnaryOperator<String> stateName,
                                 String cause, List<HistoryStep> steps) throws SQLException {
        Instant created = Sql.instant(row.getObject(2, OffsetDateTime.class));
        Instant updated = Sql.instant(row.getObject(3, OffsetDateTime.class));
        String state = prefix + stateName.apply(row.getString(1));
        if (created.equals(updated)) {
            steps.add(new HistoryStep(service, state, cause, created));
            return;
        }
        steps.add(new HistoryStep(service, prefix + "created (its state then is not stored)", null, created));
        steps.add(new HistoryStep(service, state, cause, updated));
    }

    static OrderState orderState(OrderStatus status) {
        return switch (status) {
            case APPROVAL_PENDING -> OrderState.PENDING;
            case APPROVED -> OrderState.APPROVED;
            case REJECTED -> OrderState.REJECTED;
            case CANCEL_PENDING, CANCELLED, COMPLETED -> throw new IllegalStateException("the lab's flow never cancels or delivers an order: " + status);
        };
    }

    static TicketState ticketState(String state) {
        if (state == null) {
            return TicketState.NONE;
        }
        return switch (TicketStatus.valueOf(state)) {
            case CREATE_PENDING -> TicketState.PENDING;
            case AWAITING_ACCEPTANCE, ACCEPTED, PREPARING, READY_FOR_PICKUP, PICKED_UP -> TicketState.CONFIRMED;
            case REJECTED -> TicketState.REJECTED;
            case CANCELLED -> TicketState.CANCELLED;
        };
    }

    static PaymentState paymentState(String state) {
        return state == null ? PaymentState.NONE : PaymentState.valueOf(state);
    }

    @Override
    public void close() {
        observer.close();
    }
}
