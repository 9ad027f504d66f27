package dev.cairn.lab.sync;

import dev.cairn.lab.relational.Decisions;
import dev.cairn.lab.relational.Sql;
import dev.cairn.restaurant.contracts.OrderLine;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.contracts.TicketEvent;
import dev.cairn.restaurant.kitchen.domain.Ticket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.ConfirmTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.CreateTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.RejectTicketCreation;
import dev.cairn.restaurant.kitchen.domain.TicketDecider;
import dev.cairn.restaurant.kitchen.domain.TicketStatus;
import io.javalin.Javalin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kitchen service, deciding with the restaurant's {@link TicketDecider} over the {@code tickets} row:
 * <ul>
 *   <li>{@code POST /tickets {"orderId","restaurantId","lines"}} → 201 {@code {"orderId","state"}}</li>
 *   <li>{@code POST /tickets/{orderId}/confirm} → 200</li>
 *   <li>{@code POST /tickets/{orderId}/reject-creation {"reason"}} → 200: the compensation</li>
 * </ul>
 * An unknown ticket is 404, a transition the decider refuses 409.
 */
final class KitchenService implements Host.Service {

    static final String SCHEMA = """
            CREATE TABLE tickets (
              order_id text PRIMARY KEY, restaurant_id text NOT NULL, lines text NOT NULL, state text NOT NULL,
              rejection_reason text, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
            """ + Idempotency.TABLE;

    private static final TicketDecider DECIDER = new TicketDecider();

    record CreateBody(String orderId, String restaurantId, List<OrderLine> lines) {}

    record RejectBody(String reason) {}

    private final Clock clock;

    KitchenService(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void install(Javalin server, Life life) {
        server.post("/tickets", Idempotency.handler(life, clock, (tx, ctx) -> {
            CreateBody body = Http.read(ctx.body(), CreateBody.class);
            var command = new CreateTicket(body.orderId(), body.restaurantId(), body.lines());
            return apply(tx, command, Http.write(command.lines()), null, 201);
        }));
        server.post(
                "/tickets/{orderId}/confirm",
                Idempotency.handler(
                        life,
                        clock,
                        (tx, ctx) -> apply(tx, new ConfirmTicket(ctx.pathParam("orderId")), null, null, 200)));
        server.post("/tickets/{orderId}/reject-creation", Idempotency.handler(life, clock, (tx, ctx) -> {
            String reason = Http.read(ctx.body(), RejectBody.class).reason();
            var command = new RejectTicketCreation(ctx.pathParam("orderId"), decidingReason(reason));
            return apply(tx, command, null, reason, 200);
        }));
    }

    /**
     * The restaurant's rule for rejecting a ticket's creation ({@code CREATE_PENDING → REJECTED};
     * again: nothing) does not look at the reason, and its reasons name only the restaurant's two;
     * this style has more (a dependency that failed), which the row keeps as given.
     */
    private static OrderRejectionReason decidingReason(String reason) {
        return OrderRejectionReason.CONSUMER_UNKNOWN.name().equals(reason)
                ? OrderRejectionReason.CONSUMER_UNKNOWN
                : OrderRejectionReason.PAYMENT_DECLINED;
    }

    private Reply apply(Connection tx, TicketCommand command, String lines, String reason, int status)
            throws SQLException {
        Ticket state = load(tx, command.orderId());
        List<TicketEvent> events = DECIDER.decide(command, state);
        Ticket.Existing ticket = (Ticket.Existing) Decisions.evolve(DECIDER, state, events);
        if (!events.isEmpty()) {
            store(tx, command.orderId(), ticket, lines, reason);
        }
        return new Reply(
                status,
                Http.write(Map.of(
                        "orderId", command.orderId(), "state", ticket.status().name())));
    }

    private void store(Connection tx, String orderId, Ticket.Existing ticket, String lines, String reason)
            throws SQLException {
        Instant now = clock.instant();
        if (lines != null) {
            Sql.update(
                    tx,
                    "INSERT INTO tickets VALUES (?, ?, ?, ?, NULL, ?, ?)",
                    orderId,
                    ticket.restaurantId(),
                    lines,
                    ticket.status().name(),
                    now,
                    now);
            return;
        }
        Sql.update(
                tx,
                "UPDATE tickets SET state = ?, rejection_reason = coalesce(?, rejection_reason), updated_at = ?"
                        + " WHERE order_id = ?",
                ticket.status().name(),
                reason,
                now,
                orderId);
    }

    private static Ticket load(Connection tx, String orderId) throws SQLException {
        try (PreparedStatement statement = Sql.prepare(
                        tx, "SELECT restaurant_id, state FROM tickets WHERE order_id = ? FOR UPDATE", orderId);
                ResultSet row = statement.executeQuery()) {
            return row.next()
                    ? new Ticket.Existing(row.getString(1), TicketStatus.valueOf(row.getString(2)), Optional.empty())
                    : DECIDER.initialState();
        }
    }
}
