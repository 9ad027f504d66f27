package dev.cairn.restaurant.kitchen.domain;

import static dev.cairn.core.model.Rejection.Kind.INVALID;
import static dev.cairn.core.model.Rejection.Kind.NOT_ALLOWED;
import static dev.cairn.core.model.Rejection.Kind.NOT_FOUND;
import static dev.cairn.restaurant.kitchen.domain.Tickets.ACCEPTED;
import static dev.cairn.restaurant.kitchen.domain.Tickets.CONFIRMED;
import static dev.cairn.restaurant.kitchen.domain.Tickets.CREATED;
import static dev.cairn.restaurant.kitchen.domain.Tickets.LINES;
import static dev.cairn.restaurant.kitchen.domain.Tickets.NOW;
import static dev.cairn.restaurant.kitchen.domain.Tickets.PICKED_UP;
import static dev.cairn.restaurant.kitchen.domain.Tickets.PREPARING;
import static dev.cairn.restaurant.kitchen.domain.Tickets.READY;
import static dev.cairn.restaurant.kitchen.domain.Tickets.READY_BY;
import static dev.cairn.restaurant.kitchen.domain.Tickets.REJECTED;
import static dev.cairn.restaurant.kitchen.domain.Tickets.statusOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;

import dev.cairn.core.model.Rejection;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.contracts.TicketEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCancellationRefused;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCancelled;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCreationRejected;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.AcceptTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.CancelTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.ConfirmTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.CreateTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.MarkReadyForPickup;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.PickUpTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.RejectTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.RejectTicketCreation;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.StartPreparation;
import dev.cairn.testing.DeciderFixture;
import dev.cairn.testing.DeciderOutcome;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ticket's life as tables. Every row is a history (events of {@link Tickets}), a command, and
 * the decider's answer: an event and the status it leads to, nothing at all (a repeat), or a refusal.
 */
class TicketDeciderTest {

    private static DeciderFixture<TicketCommand, Ticket, TicketEvent> decider() {
        return DeciderFixture.of(new TicketDecider());
    }

    @Test
    void creates_a_ticket_pending_approval() {
        decider()
                .when(new CreateTicket("o1", "r1", LINES))
                .thenEvents(CREATED)
                .thenState(new Ticket.Existing("r1", TicketStatus.CREATE_PENDING, Optional.empty()));
    }

    @Test
    void accepts_a_ticket_awaiting_acceptance_with_its_promise() {
        decider()
                .given(CREATED, CONFIRMED)
                .when(new AcceptTicket("o1", NOW, READY_BY))
                .thenEvents(ACCEPTED)
                .thenState(new Ticket.Existing("r1", TicketStatus.ACCEPTED, Optional.of(READY_BY)));
    }

    /** A command the ticket takes: the one event it decides and the status that leads to. */
    record Moves(List<TicketEvent> given, TicketCommand command, TicketEvent decided, TicketStatus to) {}

    static Stream<Named<Moves>> moves() {
        return Stream.of(
                named(
                        "creation rejected while pending approval",
                        new Moves(
                                List.of(CREATED),
                                new RejectTicketCreation("o1", OrderRejectionReason.CONSUMER_UNKNOWN),
                                new TicketCreationRejected("o1", OrderRejectionReason.CONSUMER_UNKNOWN),
                                TicketStatus.REJECTED)),
                named(
                        "confirmed, it awaits acceptance",
                        new Moves(
                                List.of(CREATED),
                                new ConfirmTicket("o1"),
                                CONFIRMED,
                                TicketStatus.AWAITING_ACCEPTANCE)),
                named(
                        "rejected while awaiting acceptance",
                        new Moves(
                                List.of(CREATED, CONFIRMED),
                                new RejectTicket("o1", "out of soup"),
                                REJECTED,
                                TicketStatus.REJECTED)),
                named(
                        "an accepted ticket starts preparing",
                        new Moves(
                                List.of(CREATED, CONFIRMED, ACCEPTED),
                                new StartPreparation("o1"),
                                PREPARING,
                                TicketStatus.PREPARING)),
                named(
                        "a ticket in preparation gets ready",
                        new Moves(
                                List.of(CREATED, CONFIRMED, ACCEPTED, PREPARING),
                                new MarkReadyForPickup("o1"),
                                READY,
                                TicketStatus.READY_FOR_PICKUP)),
                named(
                        "a ready ticket is handed to the courier",
                        new Moves(
                                List.of(CREATED, CONFIRMED, ACCEPTED, PREPARING, READY),
                                new PickUpTicket("o1"),
                                PICKED_UP,
                                TicketStatus.PICKED_UP)),
                named(
                        "cancelled while awaiting acceptance",
                        new Moves(
                                List.of(CREATED, CONFIRMED),
                                new CancelTicket("o1"),
                                new TicketCancelled("o1"),
                                TicketStatus.CANCELLED)),
                named(
                        "cancelled once accepted",
                        new Moves(
                                List.of(CREATED, CONFIRMED, ACCEPTED),
                                new CancelTicket("o1"),
                                new TicketCancelled("o1"),
                                TicketStatus.CANCELLED)),
                named(
                        "a cancellation once preparing is refused with an event and keeps the state",
                        new Moves(
                                List.of(CREATED, CONFIRMED, ACCEPTED, PREPARING),
                                new CancelTicket("o1"),
                                new TicketCancellationRefused("o1"),
                                TicketStatus.PREPARING)),
                named(
                        "a cancellation once picked up is refused with an event and keeps the state",
                        new Moves(
                                List.of(CREATED, CONFIRMED, ACCEPTED, PREPARING, READY, PICKED_UP),
                                new CancelTicket("o1"),
                                new TicketCancellationRefused("o1"),
                                TicketStatus.PICKED_UP)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moves")
    void decides_the_one_event_of_the_move(Moves move) {
        Ticket after = decider()
                .given(move.given())
                .when(move.command())
                .thenEvents(move.decided())
                .state();

        assertThat(statusOf(after)).isEqualTo(move.to());
    }

    /** A command the ticket has already taken, or gone past: a retry that must change nothing. */
    record Repeat(List<TicketEvent> given, TicketCommand command) {}

    static Stream<Named<Repeat>> repeats() {
        return Stream.of(
                named(
                        "an existing ticket",
                        new Repeat(List.of(CREATED, CONFIRMED), new CreateTicket("o1", "r1", LINES))),
                named(
                        "a ticket whose creation was rejected",
                        new Repeat(
                                List.of(
                                        CREATED,
                                        new TicketCreationRejected("o1", OrderRejectionReason.PAYMENT_DECLINED)),
                                new RejectTicketCreation("o1", OrderRejectionReason.PAYMENT_DECLINED))),
                named("a confirmed ticket", new Repeat(List.of(CREATED, CONFIRMED), new ConfirmTicket("o1"))),
                named(
                        "a ticket already further along than confirmed",
                        new Repeat(List.of(CREATED, CONFIRMED, ACCEPTED, PREPARING), new ConfirmTicket("o1"))),
                named(
                        "the same acceptance again",
                        new Repeat(
                                List.of(CREATED, CONFIRMED, ACCEPTED),
                                new AcceptTicket("o1", NOW.plusSeconds(5), READY_BY))),
                named(
                        "a rejected ticket",
                        new Repeat(List.of(CREATED, CONFIRMED, REJECTED), new RejectTicket("o1", "still out of soup"))),
                named(
                        "a ticket in preparation",
                        new Repeat(List.of(CREATED, CONFIRMED, ACCEPTED, PREPARING), new StartPreparation("o1"))),
                named(
                        "a ready ticket",
                        new Repeat(
                                List.of(CREATED, CONFIRMED, ACCEPTED, PREPARING, READY), new MarkReadyForPickup("o1"))),
                named(
                        "a picked up ticket",
                        new Repeat(
                                List.of(CREATED, CONFIRMED, ACCEPTED, PREPARING, READY, PICKED_UP),
                                new PickUpTicket("o1"))),
                named(
                        "a cancelled ticket",
                        new Repeat(List.of(CREATED, CONFIRMED, new TicketCancelled("o1")), new CancelTicket("o1"))),
                named(
                        "a rejected ticket cancelled",
                        new Repeat(List.of(CREATED, CONFIRMED, REJECTED), new CancelTicket("o1"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repeats")
    void answers_a_repeat_with_no_events(Repeat repeat) {
        decider().given(repeat.given()).when(repeat.command()).thenNothing();
    }

    /**
     * A command the ticket refuses: the kind and reason of the rejection, and what its message must
     * name where a row cares (null: no check of the message).
     */
    record Refusal(List<TicketEvent> given, TicketCommand command, Rejection.Kind kind, String reason, String naming) {}

    static Named<Refusal> invalidTransition(
            String name, List<TicketEvent> given, TicketCommand command, String naming) {
        return named(name, new Refusal(given, command, NOT_ALLOWED, "INVALID_TRANSITION", naming));
    }

    static Named<Refusal> unknownTicket(TicketCommand command, String naming) {
        return named(
                "an unknown ticket, " + command.getClass().getSimpleName(),
                new Refusal(List.of(), command, NOT_FOUND, "TICKET_NOT_FOUND", naming));
    }

    static Stream<Named<Refusal>> refusals() {
        return Stream.of(
                invalidTransition(
                        "a confirmed ticket's creation is not rejected",
                        List.of(CREATED, CONFIRMED),
                        new RejectTicketCreation("o1", OrderRejectionReason.PAYMENT_DECLINED),
                        null),
                unknownTicket(new RejectTicketCreation("o9", OrderRejectionReason.PAYMENT_DECLINED), "o9"),
                invalidTransition(
                        "a rejected ticket is not confirmed",
                        List.of(CREATED, new TicketCreationRejected("o1", OrderRejectionReason.CONSUMER_UNKNOWN)),
                        new ConfirmTicket("o1"),
                        "REJECTED"),
                unknownTicket(new ConfirmTicket("o9"), null),
                invalidTransition(
                        "no second acceptance with another promise",
                        List.of(CREATED, CONFIRMED, ACCEPTED),
                        new AcceptTicket("o1", NOW, READY_BY.plusSeconds(60)),
                        "already accepted"),
                invalidTransition(
                        "a rejected ticket is not accepted",
                        List.of(CREATED, CONFIRMED, REJECTED),
                        new AcceptTicket("o1", NOW, READY_BY),
                        "REJECTED"),
                invalidTransition(
                        "a ticket not yet paid for is not accepted",
                        List.of(CREATED),
                        new AcceptTicket("o1", NOW, READY_BY),
                        null),
                unknownTicket(new AcceptTicket("o9", NOW, READY_BY), null),
                invalidTransition(
                        "an accepted ticket is not rejected",
                        List.of(CREATED, CONFIRMED, ACCEPTED),
                        new RejectTicket("o1", "out of soup"),
                        "AWAITING_ACCEPTANCE"),
                invalidTransition(
                        "a ticket not yet accepted is not prepared",
                        List.of(CREATED, CONFIRMED),
                        new StartPreparation("o1"),
                        null),
                invalidTransition(
                        "a cancelled ticket is not prepared",
                        List.of(CREATED, CONFIRMED, new TicketCancelled("o1")),
                        new StartPreparation("o1"),
                        "CANCELLED"),
                invalidTransition(
                        "not ready before preparing",
                        List.of(CREATED, CONFIRMED, ACCEPTED),
                        new MarkReadyForPickup("o1"),
                        "must be PREPARING"),
                invalidTransition(
                        "a ticket not ready is not picked up",
                        List.of(CREATED, CONFIRMED, ACCEPTED, PREPARING),
                        new PickUpTicket("o1"),
                        null),
                invalidTransition(
                        "a ticket pending approval is not cancelled", List.of(CREATED), new CancelTicket("o1"), null),
                unknownTicket(new CancelTicket("o9"), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refuses(Refusal refusal) {
        DeciderOutcome<Ticket, TicketEvent> outcome =
                decider().given(refusal.given()).when(refusal.command()).thenRejected(refusal.kind(), refusal.reason());
        if (refusal.naming() != null) {
            outcome.thenMessageContains(refusal.naming());
        }
    }

    @Test
    void goes_to_the_ticket_stream() {
        assertThat(new CreateTicket("o1", "r1", LINES).streamId()).isEqualTo("ticket-o1");
    }

    @Test
    void rejects_a_ready_by_in_the_past_and_a_missing_one() {
        assertThatThrownBy(() -> new AcceptTicket("o1", NOW, NOW.minusSeconds(1)))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.kind()).isEqualTo(INVALID))
                .hasMessageStartingWith("readyBy");
        assertThatThrownBy(() -> new AcceptTicket("o1", NOW, null)).hasMessageStartingWith("readyBy");
    }

    @Test
    void rejects_a_blank_reason() {
        assertThatThrownBy(() -> new RejectTicket("o1", " ")).hasMessageStartingWith("reason");
    }
}
