package dev.cairn.restaurant.kitchen.domain;

import static dev.cairn.restaurant.kitchen.domain.Tickets.ACCEPTED;
import static dev.cairn.restaurant.kitchen.domain.Tickets.CONFIRMED;
import static dev.cairn.restaurant.kitchen.domain.Tickets.CREATED;
import static dev.cairn.restaurant.kitchen.domain.Tickets.LINES;
import static dev.cairn.restaurant.kitchen.domain.Tickets.PREPARING;
import static dev.cairn.restaurant.kitchen.domain.Tickets.READY;
import static dev.cairn.restaurant.kitchen.domain.Tickets.statusOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

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
import dev.cairn.testing.ReactionFixture;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KitchenReactionsTest {

    private static final OrderCreated ORDER =
            new OrderCreated("o1", "c1", "r1", "Chez Ada", LINES, 900, "1 Main St", "tok_visa");

    /**
     * A reaction of the kitchen: the event it hears, the command it sends, and the status that
     * command leads the ticket to from its history so far.
     */
    record Reacts(
            TriggeredReaction<TicketCommand> reaction,
            PublishedEvent event,
            TicketCommand command,
            List<TicketEvent> history,
            TicketStatus to) {}

    static Stream<Named<Reacts>> reactions() {
        return Stream.of(
                named(
                        "an order created creates its ticket",
                        new Reacts(
                                new WhenOrderCreatedThenCreateTicket(),
                                ORDER,
                                new CreateTicket("o1", "r1", LINES),
                                List.of(),
                                TicketStatus.CREATE_PENDING)),
                named(
                        "a failed verification rejects the ticket creation",
                        new Reacts(
                                new WhenConsumerVerificationFailedThenRejectTicketCreation(),
                                new ConsumerVerificationFailed("c1", "o1", VerificationFailure.CONSUMER_UNKNOWN),
                                new RejectTicketCreation("o1", OrderRejectionReason.CONSUMER_UNKNOWN),
                                List.of(CREATED),
                                TicketStatus.REJECTED)),
                named(
                        "a declined payment rejects the ticket creation",
                        new Reacts(
                                new WhenPaymentDeclinedThenRejectTicketCreation(),
                                new PaymentDeclined("o1", "c1", 900),
                                new RejectTicketCreation("o1", OrderRejectionReason.PAYMENT_DECLINED),
                                List.of(CREATED),
                                TicketStatus.REJECTED)),
                named(
                        "an authorized payment confirms the ticket",
                        new Reacts(
                                new WhenPaymentAuthorizedThenConfirmTicket(),
                                new PaymentAuthorized("o1", "c1", 900),
                                new ConfirmTicket("o1"),
                                List.of(CREATED),
                                TicketStatus.AWAITING_ACCEPTANCE)),
                named(
                        "a cancellation request cancels the ticket",
                        new Reacts(
                                new WhenOrderCancellationRequestedThenCancelTicket(),
                                new OrderCancellationRequested("o1"),
                                new CancelTicket("o1"),
                                List.of(CREATED, CONFIRMED),
                                TicketStatus.CANCELLED)),
                named(
                        "a delivery picked up picks up the ticket",
                        new Reacts(
                                new WhenDeliveryPickedUpThenPickUpTicket(),
                                new DeliveryPickedUp("o1", "k1"),
                                new PickUpTicket("o1"),
                                List.of(CREATED, CONFIRMED, ACCEPTED, PREPARING, READY),
                                TicketStatus.PICKED_UP)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reactions")
    void sends_the_command_the_ticket_decides_once(Reacts reacts) {
        Ticket after = ReactionFixture.of(reacts.reaction())
                .when(reacts.event())
                .thenCommands(reacts.command())
                .thenDecidedOnceBy(new TicketDecider(), reacts.history());

        assertThat(statusOf(after)).isEqualTo(reacts.to());
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
        ReactionFixture.of(group).when(ORDER).thenCommands(new CreateTicket("o1", "r1", LINES));
    }
}
