package dev.cairn.restaurant.kitchen.domain;

import static dev.cairn.core.model.Rejection.Kind.INVALID;
import static dev.cairn.core.model.Rejection.Kind.NOT_ALLOWED;
import static dev.cairn.core.model.Rejection.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.model.Rejection;
import dev.cairn.restaurant.contracts.OrderLine;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TicketDeciderTest {

    static final List<OrderLine> LINES = List.of(new OrderLine("m1", "Soup", 2, 450));
    static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    static final Instant READY_BY = NOW.plusSeconds(1200);

    static final TicketCreated CREATED = new TicketCreated("o1", "r1", LINES);
    static final TicketConfirmed CONFIRMED = new TicketConfirmed("o1");
    static final TicketAccepted ACCEPTED = new TicketAccepted("o1", "r1", NOW, READY_BY);
    static final TicketPreparationStarted PREPARING = new TicketPreparationStarted("o1");
    static final TicketReadyForPickup READY = new TicketReadyForPickup("o1");
    static final TicketPickedUp PICKED_UP = new TicketPickedUp("o1");
    static final TicketRejected REJECTED = new TicketRejected("o1", "out of soup");

    private static DeciderFixture<TicketCommand, Ticket, TicketEvent> decider() {
        return DeciderFixture.of(new TicketDecider());
    }

    private static TicketStatus statusOf(Ticket ticket) {
        return ((Ticket.Existing) ticket).status();
    }

    @Nested
    class CreateTicketCommand {

        @Test
        void creates_a_ticket_pending_approval() {
            Ticket after = decider()
                    .when(new CreateTicket("o1", "r1", LINES))
                    .thenEvents(CREATED)
                    .state();

            assertThat(after).isEqualTo(new Ticket.Existing("r1", TicketStatus.CREATE_PENDING, Optional.empty()));
        }

        @Test
        void answers_an_existing_ticket_with_no_events() {
            decider()
                    .given(CREATED, CONFIRMED)
                    .when(new CreateTicket("o1", "r1", LINES))
                    .thenNothing();
        }

        @Test
        void goes_to_the_ticket_stream() {
            assertThat(new CreateTicket("o1", "r1", LINES).streamId()).isEqualTo("ticket-o1");
        }
    }

    @Nested
    class RejectTicketCreationCommand {

        @Test
        void rejects_a_ticket_pending_approval() {
            Ticket after = decider()
                    .given(CREATED)
                    .when(new RejectTicketCreation("o1", OrderRejectionReason.CONSUMER_UNKNOWN))
                    .thenEvents(new TicketCreationRejected("o1", OrderRejectionReason.CONSUMER_UNKNOWN))
                    .state();

            assertThat(statusOf(after)).isEqualTo(TicketStatus.REJECTED);
        }

        @Test
        void answers_a_rejected_ticket_with_no_events() {
            decider()
                    .given(CREATED, new TicketCreationRejected("o1", OrderRejectionReason.PAYMENT_DECLINED))
                    .when(new RejectTicketCreation("o1", OrderRejectionReason.PAYMENT_DECLINED))
                    .thenNothing();
        }

        @Test
        void refuses_a_confirmed_ticket() {
            decider()
                    .given(CREATED, CONFIRMED)
                    .when(new RejectTicketCreation("o1", OrderRejectionReason.PAYMENT_DECLINED))
                    .thenRejected(NOT_ALLOWED, "INVALID_TRANSITION");
        }

        @Test
        void refuses_an_unknown_ticket() {
            decider()
                    .when(new RejectTicketCreation("o9", OrderRejectionReason.PAYMENT_DECLINED))
                    .thenRejected(NOT_FOUND, "TICKET_NOT_FOUND")
                    .thenMessageContains("o9");
        }
    }

    @Nested
    class ConfirmTicketCommand {

        @Test
        void makes_the_ticket_await_acceptance() {
            Ticket after = decider()
                    .given(CREATED)
                    .when(new ConfirmTicket("o1"))
                    .thenEvents(CONFIRMED)
                    .state();

            assertThat(statusOf(after)).isEqualTo(TicketStatus.AWAITING_ACCEPTANCE);
        }

        @Test
        void answers_a_ticket_already_further_along_with_no_events() {
            decider().given(CREATED, CONFIRMED).when(new ConfirmTicket("o1")).thenNothing();
            decider()
                    .given(CREATED, CONFIRMED, ACCEPTED, PREPARING)
                    .when(new ConfirmTicket("o1"))
                    .thenNothing();
        }

        @Test
        void refuses_a_rejected_ticket() {
            decider()
                    .given(CREATED, new TicketCreationRejected("o1", OrderRejectionReason.CONSUMER_UNKNOWN))
                    .when(new ConfirmTicket("o1"))
                    .thenRejected(NOT_ALLOWED, "INVALID_TRANSITION")
                    .thenMessageContains("REJECTED");
        }

        @Test
        void refuses_an_unknown_ticket() {
            decider().when(new ConfirmTicket("o9")).thenRejected(NOT_FOUND, "TICKET_NOT_FOUND");
        }
    }

    @Nested
    class AcceptTicketCommand {

        @Test
        void accepts_a_ticket_awaiting_acceptance_with_its_promise() {
            Ticket after = decider()
                    .given(CREATED, CONFIRMED)
                    .when(new AcceptTicket("o1", NOW, READY_BY))
                    .thenEvents(ACCEPTED)
                    .state();

            assertThat(after).isEqualTo(new Ticket.Existing("r1", TicketStatus.ACCEPTED, Optional.of(READY_BY)));
        }

        @Test
        void answers_the_same_acceptance_again_with_no_events() {
            decider()
                    .given(CREATED, CONFIRMED, ACCEPTED)
                    .when(new AcceptTicket("o1", NOW.plusSeconds(5), READY_BY))
                    .thenNothing();
        }

        @Test
        void refuses_to_accept_again_with_another_promise() {
            decider()
                    .given(CREATED, CONFIRMED, ACCEPTED)
                    .when(new AcceptTicket("o1", NOW, READY_BY.plusSeconds(60)))
                    .thenRejected(NOT_ALLOWED, "INVALID_TRANSITION")
                    .thenMessageContains("already accepted");
        }

        @Test
        void refuses_a_rejected_ticket() {
            decider()
                    .given(CREATED, CONFIRMED, REJECTED)
                    .when(new AcceptTicket("o1", NOW, READY_BY))
                    .thenRejected(NOT_ALLOWED, "INVALID_TRANSITION")
                    .thenMessageContains("REJECTED");
        }

        @Test
        void refuses_a_ticket_not_yet_paid_for() {
            decider()
                    .given(CREATED)
                    .when(new AcceptTicket("o1", NOW, READY_BY))
                    .thenRejected(NOT_ALLOWED, "INVALID_TRANSITION");
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
        void refuses_an_unknown_ticket() {
            decider().when(new AcceptTicket("o9", NOW, READY_BY)).thenRejected(NOT_FOUND, "TICKET_NOT_FOUND");
        }
    }

    @Nested
    class RejectTicketCommand {

        @Test
        void rejects_a_ticket_awaiting_acceptance() {
            Ticket after = decider()
                    .given(CREATED, CONFIRMED)
                    .when(new RejectTicket("o1", "out of soup"))
                    .thenEvents(REJECTED)
                    .state();

            assertThat(statusOf(after)).isEqualTo(TicketStatus.REJECTED);
        }

        @Test
        void refuses_an_accepted_ticket() {
            decider()
                    .given(CREATED, CONFIRMED, ACCEPTED)
                    .when(new RejectTicket("o1", "out of soup"))
                    .thenRejected(NOT_ALLOWED, "INVALID_TRANSITION")
                    .thenMessageContains("AWAITING_ACCEPTANCE");
        }

        @Test
        void answers_a_rejected_ticket_with_no_events() {
            decider()
                    .given(CREATED, CONFIRMED, REJECTED)
                    .when(new RejectTicket("o1", "still out of soup"))
                    .thenNothing();
        }

        @Test
        void rejects_a_blank_reason() {
            assertThatThrownBy(() -> new RejectTicket("o1", " ")).hasMessageStartingWith("reason");
        }
    }

    @Nested
    class StartPreparationCommand {

        @Test
        void starts_preparing_an_accepted_ticket() {
            Ticket after = decider()
                    .given(CREATED, CONFIRMED, ACCEPTED)
                    .when(new StartPreparation("o1"))
                    .thenEvents(PREPARING)
                    .state();

            assertThat(statusOf(after)).isEqualTo(TicketStatus.PREPARING);
        }

        @Test
        void answers_a_ticket_in_preparation_with_no_events() {
            decider()
                    .given(CREATED, CONFIRMED, ACCEPTED, PREPARING)
                    .when(new StartPreparation("o1"))
                    .thenNothing();
        }

        @Test
        void refuses_a_ticket_not_yet_accepted() {
            decider()
                    .given(CREATED, CONFIRMED)
                    .when(new StartPreparation("o1"))
                    .thenRejected(NOT_ALLOWED, "INVALID_TRANSITION");
        }

        @Test
        void refuses_a_cancelled_ticket() {
            decider()
                    .given(CREATED, CONFIRMED, new TicketCancelled("o1"))
                    .when(new StartPreparation("o1"))
                    .thenRejected(NOT_ALLOWED, "INVALID_TRANSITION")
                    .thenMessageContains("CANCELLED");
        }
    }

    @Nested
    class MarkReadyForPickupCommand {

        @Test
        void makes_a_ticket_in_preparation_ready() {
            Ticket after = decider()
                    .given(CREATED, CONFIRMED, ACCEPTED, PREPARING)
                    .when(new MarkReadyForPickup("o1"))
                    .thenEvents(READY)
                    .state();

            assertThat(statusOf(after)).isEqualTo(TicketStatus.READY_FOR_PICKUP);
        }

        @Test
        void refuses_ready_before_preparing() {
            decider()
                    .given(CREATED, CONFIRMED, ACCEPTED)
                    .when(new MarkReadyForPickup("o1"))
                    .thenRejected(NOT_ALLOWED, "INVALID_TRANSITION")
                    .thenMessageContains("must be PREPARING");
        }

        @Test
        void answers_a_ready_ticket_with_no_events() {
            decider()
                    .given(CREATED, CONFIRMED, ACCEPTED, PREPARING, READY)
                    .when(new MarkReadyForPickup("o1"))
                    .thenNothing();
        }
    }

    @Nested
    class PickUpTicketCommand {

        @Test
        void hands_a_ready_ticket_to_the_courier() {
            Ticket after = decider()
                    .given(CREATED, CONFIRMED, ACCEPTED, PREPARING, READY)
                    .when(new PickUpTicket("o1"))
                    .thenEvents(PICKED_UP)
                    .state();

            assertThat(statusOf(after)).isEqualTo(TicketStatus.PICKED_UP);
        }

        @Test
        void answers_a_picked_up_ticket_with_no_events() {
            decider()
                    .given(CREATED, CONFIRMED, ACCEPTED, PREPARING, READY, PICKED_UP)
                    .when(new PickUpTicket("o1"))
                    .thenNothing();
        }

        @Test
        void refuses_a_ticket_not_ready() {
            decider()
                    .given(CREATED, CONFIRMED, ACCEPTED, PREPARING)
                    .when(new PickUpTicket("o1"))
                    .thenRejected(NOT_ALLOWED, "INVALID_TRANSITION");
        }
    }

    @Nested
    class CancelTicketCommand {

        @Test
        void cancels_a_ticket_awaiting_acceptance_or_accepted() {
            decider().given(CREATED, CONFIRMED).when(new CancelTicket("o1")).thenEvents(new TicketCancelled("o1"));
            Ticket after = decider()
                    .given(CREATED, CONFIRMED, ACCEPTED)
                    .when(new CancelTicket("o1"))
                    .thenEvents(new TicketCancelled("o1"))
                    .state();

            assertThat(statusOf(after)).isEqualTo(TicketStatus.CANCELLED);
        }

        @Test
        void refuses_with_an_event_once_preparation_started_and_keeps_the_state() {
            Ticket after = decider()
                    .given(CREATED, CONFIRMED, ACCEPTED, PREPARING)
                    .when(new CancelTicket("o1"))
                    .thenEvents(new TicketCancellationRefused("o1"))
                    .state();

            assertThat(statusOf(after)).isEqualTo(TicketStatus.PREPARING);
            decider()
                    .given(CREATED, CONFIRMED, ACCEPTED, PREPARING, READY, PICKED_UP)
                    .when(new CancelTicket("o1"))
                    .thenEvents(new TicketCancellationRefused("o1"));
        }

        @Test
        void answers_a_cancelled_or_rejected_ticket_with_no_events() {
            decider()
                    .given(CREATED, CONFIRMED, new TicketCancelled("o1"))
                    .when(new CancelTicket("o1"))
                    .thenNothing();
            decider()
                    .given(CREATED, CONFIRMED, REJECTED)
                    .when(new CancelTicket("o1"))
                    .thenNothing();
        }

        @Test
        void refuses_a_ticket_pending_approval() {
            decider().given(CREATED).when(new CancelTicket("o1")).thenRejected(NOT_ALLOWED, "INVALID_TRANSITION");
        }

        @Test
        void refuses_an_unknown_ticket() {
            decider().when(new CancelTicket("o9")).thenRejected(NOT_FOUND, "TICKET_NOT_FOUND");
        }
    }
}
