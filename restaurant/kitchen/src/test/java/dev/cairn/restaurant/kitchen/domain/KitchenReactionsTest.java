package dev.cairn.restaurant.kitchen.domain;

import static dev.cairn.restaurant.testing.Envelopes.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerificationFailed;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryPickedUp;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCancellationRequested;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentAuthorized;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentDeclined;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TicketEvent;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import dev.cairn.restaurant.contracts.VerificationFailure;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.CancelTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.ConfirmTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.CreateTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.PickUpTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.RejectTicketCreation;
import dev.cairn.restaurant.testing.TriggerChecks;
import java.util.List;
import org.junit.jupiter.api.Test;

class KitchenReactionsTest {

    private static final OrderCreated ORDER = new OrderCreated("o1", "c1", "r1", "Chez Ada", TicketDeciderTest.LINES, 900,
            "1 Main St", "tok_visa");

    private final TicketDecider decider = new TicketDecider();

    /** Reacts, applies the commands, reacts again: the redelivered commands append nothing. */
    private Ticket assertRedeliveryIsHarmless(TriggeredReaction<TicketCommand> reaction, PublishedEvent trigger,
                                              TicketEvent... history) {
        Ticket state = decider.fold(List.of(history));
        for (TicketCommand command : reaction.react(at(10, trigger))) {
            for (TicketEvent event : decider.decide(command, state)) {
                state = decider.evolve(state, event);
            }
        }
        for (TicketCommand command : reaction.react(at(10, trigger))) {
            assertThat(decider.decide(command, state)).as("events of a redelivered %s", command).isEmpty();
        }
        TriggerChecks.assertReactsOnlyToItsTriggers(reaction);
        return state;
    }

    private static TicketStatus statusOf(Ticket ticket) {
        return ((Ticket.Existing) ticket).status();
    }

    @Test
    void an_order_created_creates_its_ticket() {
        var reaction = new WhenOrderCreatedThenCreateTicket();

        assertThat(reaction.react(at(1, ORDER))).containsExactly(new CreateTicket("o1", "r1", TicketDeciderTest.LINES));
        assertThat(statusOf(assertRedeliveryIsHarmless(reaction, ORDER))).isEqualTo(TicketStatus.CREATE_PENDING);
    }

    @Test
    void a_failed_verification_rejects_the_ticket_creation() {
        var reaction = new WhenConsumerVerificationFailedThenRejectTicketCreation();
        var failed = new ConsumerVerificationFailed("c1", "o1", VerificationFailure.CONSUMER_UNKNOWN);

        assertThat(reaction.react(at(1, failed)))
                .containsExactly(new RejectTicketCreation("o1", OrderRejectionReason.CONSUMER_UNKNOWN));
        assertThat(statusOf(assertRedeliveryIsHarmless(reaction, failed, TicketDeciderTest.CREATED)))
                .isEqualTo(TicketStatus.REJECTED);
    }

    @Test
    void a_declined_payment_rejects_the_ticket_creation() {
        var reaction = new WhenPaymentDeclinedThenRejectTicketCreation();
        var declined = new PaymentDeclined("o1", "c1", 900);

        assertThat(reaction.react(at(1, declined)))
                .containsExactly(new RejectTicketCreation("o1", OrderRejectionReason.PAYMENT_DECLINED));
        assertThat(statusOf(assertRedeliveryIsHarmless(reaction, declined, TicketDeciderTest.CREATED)))
                .isEqualTo(TicketStatus.REJECTED);
    }

    @Test
    void an_authorized_payment_confirms_the_ticket() {
        var reaction = new WhenPaymentAuthorizedThenConfirmTicket();
        var authorized = new PaymentAuthorized("o1", "c1", 900);

        assertThat(reaction.react(at(1, authorized))).containsExactly(new ConfirmTicket("o1"));
        assertThat(statusOf(assertRedeliveryIsHarmless(reaction, authorized, TicketDeciderTest.CREATED)))
                .isEqualTo(TicketStatus.AWAITING_ACCEPTANCE);
    }

    @Test
    void a_cancellation_request_cancels_the_ticket() {
        var reaction = new WhenOrderCancellationRequestedThenCancelTicket();
        var requested = new OrderCancellationRequested("o1");

        assertThat(reaction.react(at(1, requested))).containsExactly(new CancelTicket("o1"));
        assertThat(statusOf(assertRedeliveryIsHarmless(reaction, requested, TicketDeciderTest.CREATED,
                TicketDeciderTest.CONFIRMED))).isEqualTo(TicketStatus.CANCELLED);
    }

    @Test
    void a_delivery_picked_up_picks_up_the_ticket() {
        var reaction = new WhenDeliveryPickedUpThenPickUpTicket();
        var pickedUp = new DeliveryPickedUp("o1", "k1");

        assertThat(reaction.react(at(1, pickedUp))).containsExactly(new PickUpTicket("o1"));
        assertThat(statusOf(assertRedeliveryIsHarmless(reaction, pickedUp, TicketDeciderTest.CREATED,
                TicketDeciderTest.CONFIRMED, TicketDeciderTest.ACCEPTED, TicketDeciderTest.PREPARING,
                TicketDeciderTest.READY))).isEqualTo(TicketStatus.PICKED_UP);
    }

    @Test
    void the_group_holds_every_kitchen_reaction() {
        var group = KitchenReactions.all();

        assertThat(group.triggerTypeNames()).containsExactlyInAnyOrder("ordering.OrderCreated",
                "consumers.ConsumerVerificationFailed", "accounting.PaymentAuthorized", "accounting.PaymentDeclined",
                "ordering.OrderCancellationRequested", "delivery.DeliveryPickedUp");
        TriggerChecks.assertReactsOnlyToItsTriggers(group);
    }
}
