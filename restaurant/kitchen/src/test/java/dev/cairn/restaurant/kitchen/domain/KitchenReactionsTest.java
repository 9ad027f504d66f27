package dev.cairn.restaurant.kitchen.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerificationFailed;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryPickedUp;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCancellationRequested;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentAuthorized;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentDeclined;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import dev.cairn.restaurant.contracts.VerificationFailure;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.CancelTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.ConfirmTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.CreateTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.PickUpTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.RejectTicketCreation;
import dev.cairn.testing.ReactionFixture;
import dev.cairn.testing.ReactionOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class KitchenReactionsTest {

    private static final OrderCreated ORDER =
            new OrderCreated("o1", "c1", "r1", "Chez Ada", TicketDeciderTest.LINES, 900, "1 Main St", "tok_visa");

    private static ReactionOutcome<PublishedEvent, TicketCommand> when(
            TriggeredReaction<TicketCommand> reaction, PublishedEvent event) {
        return ReactionFixture.of(reaction).when(event);
    }

    private static TicketStatus statusOf(Ticket ticket) {
        return ((Ticket.Existing) ticket).status();
    }

    @Test
    void an_order_created_creates_its_ticket() {
        Ticket after = when(new WhenOrderCreatedThenCreateTicket(), ORDER)
                .thenCommands(new CreateTicket("o1", "r1", TicketDeciderTest.LINES))
                .thenDecidedOnceBy(new TicketDecider(), List.of());

        assertThat(statusOf(after)).isEqualTo(TicketStatus.CREATE_PENDING);
    }

    @Test
    void a_failed_verification_rejects_the_ticket_creation() {
        Ticket after = when(
                        new WhenConsumerVerificationFailedThenRejectTicketCreation(),
                        new ConsumerVerificationFailed("c1", "o1", VerificationFailure.CONSUMER_UNKNOWN))
                .thenCommands(new RejectTicketCreation("o1", OrderRejectionReason.CONSUMER_UNKNOWN))
                .thenDecidedOnceBy(new TicketDecider(), List.of(TicketDeciderTest.CREATED));

        assertThat(statusOf(after)).isEqualTo(TicketStatus.REJECTED);
    }

    @Test
    void a_declined_payment_rejects_the_ticket_creation() {
        Ticket after = when(new WhenPaymentDeclinedThenRejectTicketCreation(), new PaymentDeclined("o1", "c1", 900))
                .thenCommands(new RejectTicketCreation("o1", OrderRejectionReason.PAYMENT_DECLINED))
                .thenDecidedOnceBy(new TicketDecider(), List.of(TicketDeciderTest.CREATED));

        assertThat(statusOf(after)).isEqualTo(TicketStatus.REJECTED);
    }

    @Test
    void an_authorized_payment_confirms_the_ticket() {
        Ticket after = when(new WhenPaymentAuthorizedThenConfirmTicket(), new PaymentAuthorized("o1", "c1", 900))
                .thenCommands(new ConfirmTicket("o1"))
                .thenDecidedOnceBy(new TicketDecider(), List.of(TicketDeciderTest.CREATED));

        assertThat(statusOf(after)).isEqualTo(TicketStatus.AWAITING_ACCEPTANCE);
    }

    @Test
    void a_cancellation_request_cancels_the_ticket() {
        Ticket after = when(new WhenOrderCancellationRequestedThenCancelTicket(), new OrderCancellationRequested("o1"))
                .thenCommands(new CancelTicket("o1"))
                .thenDecidedOnceBy(
                        new TicketDecider(), List.of(TicketDeciderTest.CREATED, TicketDeciderTest.CONFIRMED));

        assertThat(statusOf(after)).isEqualTo(TicketStatus.CANCELLED);
    }

    @Test
    void a_delivery_picked_up_picks_up_the_ticket() {
        Ticket after = when(new WhenDeliveryPickedUpThenPickUpTicket(), new DeliveryPickedUp("o1", "k1"))
                .thenCommands(new PickUpTicket("o1"))
                .thenDecidedOnceBy(
                        new TicketDecider(),
                        List.of(
                                TicketDeciderTest.CREATED,
                                TicketDeciderTest.CONFIRMED,
                                TicketDeciderTest.ACCEPTED,
                                TicketDeciderTest.PREPARING,
                                TicketDeciderTest.READY));

        assertThat(statusOf(after)).isEqualTo(TicketStatus.PICKED_UP);
    }

    @Test
    void the_group_holds_every_kitchen_reaction() {
        var group = KitchenReactions.all();

        assertThat(group.triggerTypeNames())
                .containsExactlyInAnyOrder(
                        "ordering.OrderCreated",
                        "consumers.ConsumerVerificationFailed",
                        "accounting.PaymentAuthorized",
                        "accounting.PaymentDeclined",
                        "ordering.OrderCancellationRequested",
                        "delivery.DeliveryPickedUp");
        when(group, ORDER).thenCommands(new CreateTicket("o1", "r1", TicketDeciderTest.LINES));
    }
}
