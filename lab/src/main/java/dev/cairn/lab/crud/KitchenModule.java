package dev.cairn.lab.crud;

import dev.cairn.lab.relational.Decisions;
import dev.cairn.lab.relational.Sql;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.kitchen.domain.Ticket;
import dev.cairn.restaurant.kitchen.domain.Ticket.Existing;
import dev.cairn.restaurant.kitchen.domain.TicketCommand;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.ConfirmTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.CreateTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.RejectTicketCreation;
import dev.cairn.restaurant.kitchen.domain.TicketDecider;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** The monolith's kitchen module: the restaurant's {@link TicketDecider} over the {@code tickets} row. */
final class KitchenModule {

    private static final TicketDecider DECIDER = new TicketDecider();

    private final Steps steps;

    KitchenModule(Steps steps) {
        this.steps = steps;
    }

    Existing create(Connection tx, OrderCreated order) throws SQLException {
        var command = new CreateTicket(order.orderId(), order.restaurantId(), order.lines());
        Existing ticket = decide(DECIDER.initialState(), command);
        steps.next(order.orderId(), "database", "INSERT ticket " + ticket.status());
        Instant now = steps.now();
        Sql.update(
                tx,
                "INSERT INTO tickets VALUES (?, ?, ?, ?, ?)",
                order.orderId(),
                order.restaurantId(),
                ticket.status().name(),
                now,
                now);
        return ticket;
    }

    Existing confirm(Connection tx, String orderId, Existing ticket) throws SQLException {
        return update(tx, ticket, new ConfirmTicket(orderId));
    }

    Existing rejectCreation(Connection tx, String orderId, Existing ticket, OrderRejectionReason reason)
            throws SQLException {
        return update(tx, ticket, new RejectTicketCreation(orderId, reason));
    }

    private Existing update(Connection tx, Existing ticket, TicketCommand command) throws SQLException {
        Existing next = decide(ticket, command);
        steps.next(command.orderId(), "database", "UPDATE ticket " + next.status());
        Sql.update(
                tx,
                "UPDATE tickets SET state = ?, updated_at = ? WHERE order_id = ?",
                next.status().name(),
                steps.now(),
                command.orderId());
        return next;
    }

    private static Existing decide(Ticket state, TicketCommand command) {
        return (Existing) Decisions.evolve(DECIDER, state, DECIDER.decide(command, state));
    }
}
