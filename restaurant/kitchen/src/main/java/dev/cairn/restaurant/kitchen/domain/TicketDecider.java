package dev.cairn.restaurant.kitchen.domain;

import static dev.cairn.restaurant.kitchen.domain.TicketStatus.ACCEPTED;
import static dev.cairn.restaurant.kitchen.domain.TicketStatus.AWAITING_ACCEPTANCE;
import static dev.cairn.restaurant.kitchen.domain.TicketStatus.CANCELLED;
import static dev.cairn.restaurant.kitchen.domain.TicketStatus.CREATE_PENDING;
import static dev.cairn.restaurant.kitchen.domain.TicketStatus.PICKED_UP;
import static dev.cairn.restaurant.kitchen.domain.TicketStatus.PREPARING;
import static dev.cairn.restaurant.kitchen.domain.TicketStatus.READY_FOR_PICKUP;
import static dev.cairn.restaurant.kitchen.domain.TicketStatus.REJECTED;

import dev.cairn.core.model.Decider;
import dev.cairn.core.model.Rejection;
import dev.cairn.restaurant.contracts.TicketEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketAccepted;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCancellationRefused;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCancelled;
import dev.cairn.restaurant.contracts.TicketEvent.TicketConfirmed;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCreated;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCreationRejected;
import dev.cairn.restaurant.contracts.TicketEvent.TicketPickedUp;
import dev.cairn.restaurant.contracts.TicketEvent.TicketPreparationStarted;
import dev.cairn.restaurant.contracts.TicketEvent.TicketReadyForPickup;
import dev.cairn.restaurant.contracts.TicketEvent.TicketRejected;
import dev.cairn.restaurant.kitchen.domain.Ticket.Existing;
import dev.cairn.restaurant.kitchen.domain.Ticket.NoTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.AcceptTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.CancelTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.ConfirmTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.CreateTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.MarkReadyForPickup;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.PickUpTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.RejectTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.RejectTicketCreation;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.StartPreparation;
import java.util.List;
import java.util.Optional;

/**
 * A ticket's life, in {@code ticket-<orderId>}: {@code CREATE_PENDING → AWAITING_ACCEPTANCE →
 * ACCEPTED → PREPARING → READY_FOR_PICKUP → PICKED_UP}, with {@code REJECTED} (before approval, or
 * by the kitchen while awaiting acceptance) and {@code CANCELLED} (by the consumer, before
 * preparation) on the side.
 *
 * <p>A command whose effect is already there succeeds with no events, so redelivered reactions and
 * retried requests are harmless; a command the state contradicts (ready before preparing,
 * accepting a rejected ticket) is NOT_ALLOWED. A cancellation that comes too late is not refused
 * as a rejection but answered with {@link TicketCancellationRefused}: ordering waits for an answer.
 */
public final class TicketDecider implements Decider<TicketCommand, Ticket, TicketEvent> {

    @Override
    public Ticket initialState() {
        return new NoTicket();
    }

    @Override
    public List<TicketEvent> decide(TicketCommand command, Ticket state) {
        String id = command.orderId();
        return switch (command) {
            case CreateTicket create ->
                state instanceof NoTicket
                        ? List.of(new TicketCreated(id, create.restaurantId(), create.lines()))
                        : List.of();
            case RejectTicketCreation reject ->
                advance(
                        existing(state, id),
                        id,
                        CREATE_PENDING,
                        REJECTED,
                        new TicketCreationRejected(id, reject.reason()));
            case ConfirmTicket confirm -> confirm(existing(state, id), id);
            case AcceptTicket accept -> accept(existing(state, id), accept);
            case RejectTicket reject ->
                advance(
                        existing(state, id),
                        id,
                        AWAITING_ACCEPTANCE,
                        REJECTED,
                        new TicketRejected(id, reject.reason()));
            case StartPreparation start ->
                advance(existing(state, id), id, ACCEPTED, PREPARING, new TicketPreparationStarted(id));
            case MarkReadyForPickup ready ->
                advance(existing(state, id), id, PREPARING, READY_FOR_PICKUP, new TicketReadyForPickup(id));
            case PickUpTicket pickUp ->
                advance(existing(state, id), id, READY_FOR_PICKUP, PICKED_UP, new TicketPickedUp(id));
            case CancelTicket cancel -> cancel(existing(state, id), id);
        };
    }

    @Override
    public Ticket evolve(Ticket state, TicketEvent event) {
        return switch (event) {
            case TicketCreated created -> new Existing(created.restaurantId(), CREATE_PENDING, Optional.empty());
            case TicketCreationRejected rejected ->
                existing(state, rejected.orderId()).in(REJECTED);
            case TicketConfirmed confirmed ->
                existing(state, confirmed.orderId()).in(AWAITING_ACCEPTANCE);
            case TicketAccepted accepted -> existing(state, accepted.orderId()).acceptedFor(accepted.readyBy());
            case TicketRejected rejected -> existing(state, rejected.orderId()).in(REJECTED);
            case TicketPreparationStarted started ->
                existing(state, started.orderId()).in(PREPARING);
            case TicketReadyForPickup ready -> existing(state, ready.orderId()).in(READY_FOR_PICKUP);
            case TicketPickedUp pickedUp -> existing(state, pickedUp.orderId()).in(PICKED_UP);
            case TicketCancelled cancelled ->
                existing(state, cancelled.orderId()).in(CANCELLED);
            case TicketCancellationRefused refused -> state;
        };
    }

    /** {@code from → to} with {@code event}; already in {@code to}: nothing; anything else: NOT_ALLOWED. */
    private static List<TicketEvent> advance(
            Existing ticket, String orderId, TicketStatus from, TicketStatus to, TicketEvent event) {
        if (ticket.status() == from) {
            return List.of(event);
        }
        if (ticket.status() == to) {
            return List.of();
        }
        throw Rejection.notAllowed(
                "INVALID_TRANSITION",
                "ticket " + orderId + " is " + ticket.status() + "; it must be " + from + " to become " + to);
    }

    /** A redelivered confirmation finds the ticket further along and does nothing. */
    private static List<TicketEvent> confirm(Existing ticket, String orderId) {
        return switch (ticket.status()) {
            case CREATE_PENDING -> List.of(new TicketConfirmed(orderId));
            case AWAITING_ACCEPTANCE, ACCEPTED, PREPARING, READY_FOR_PICKUP, PICKED_UP -> List.of();
            case REJECTED, CANCELLED ->
                throw Rejection.notAllowed(
                        "INVALID_TRANSITION",
                        "ticket " + orderId + " is " + ticket.status() + " and cannot be confirmed");
        };
    }

    /** Accepting again with the same promise does nothing; with another promise it is refused. */
    private static List<TicketEvent> accept(Existing ticket, AcceptTicket command) {
        if (ticket.status() == ACCEPTED && ticket.readyBy().equals(Optional.of(command.readyBy()))) {
            return List.of();
        }
        if (ticket.status() == ACCEPTED) {
            throw Rejection.notAllowed(
                    "INVALID_TRANSITION",
                    "ticket " + command.orderId() + " is already accepted, ready by "
                            + ticket.readyBy().orElseThrow());
        }
        return advance(
                ticket,
                command.orderId(),
                AWAITING_ACCEPTANCE,
                ACCEPTED,
                new TicketAccepted(command.orderId(), ticket.restaurantId(), command.acceptedAt(), command.readyBy()));
    }

    /**
     * Before preparation the ticket is cancelled; once the kitchen has started, the cancellation is
     * refused with an event so the order can go back to APPROVED. Every request gets its own answer
     * (a later request after a refusal must be refused again), so a refusal is not deduplicated
     * here: a redelivered command carries the same event ids and the store drops the retry.
     */
    private static List<TicketEvent> cancel(Existing ticket, String orderId) {
        return switch (ticket.status()) {
            case AWAITING_ACCEPTANCE, ACCEPTED -> List.of(new TicketCancelled(orderId));
            case PREPARING, READY_FOR_PICKUP, PICKED_UP -> List.of(new TicketCancellationRefused(orderId));
            // Rejected by the kitchen meanwhile: that rejection already cancels the order.
            case CANCELLED, REJECTED -> List.of();
            case CREATE_PENDING ->
                throw Rejection.notAllowed(
                        "INVALID_TRANSITION",
                        "ticket " + orderId + " is CREATE_PENDING: an order is cancellable only once approved");
        };
    }

    private static Existing existing(Ticket state, String orderId) {
        return switch (state) {
            case Existing existing -> existing;
            case NoTicket none -> throw Rejection.notFound("TICKET_NOT_FOUND", "ticket " + orderId + " does not exist");
        };
    }
}
