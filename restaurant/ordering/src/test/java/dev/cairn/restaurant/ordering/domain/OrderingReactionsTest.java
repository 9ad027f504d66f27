package dev.cairn.restaurant.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.restaurant.contracts.CancellationReason;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerificationFailed;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryDelivered;
import dev.cairn.restaurant.contracts.OrderEvent;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentAuthorized;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentDeclined;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentReversed;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCancellationRefused;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import dev.cairn.restaurant.contracts.VerificationFailure;
import dev.cairn.restaurant.ordering.domain.OrderCommand.ApproveOrder;
import dev.cairn.restaurant.ordering.domain.OrderCommand.CompleteCancellation;
import dev.cairn.restaurant.ordering.domain.OrderCommand.RefuseCancellation;
import dev.cairn.restaurant.ordering.domain.OrderCommand.RejectOrder;
import dev.cairn.testing.ReactionFixture;
import dev.cairn.testing.ReactionOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderingReactionsTest {

    private static ReactionOutcome<PublishedEvent, OrderCommand> when(
            TriggeredReaction<OrderCommand> reaction, PublishedEvent event) {
        return ReactionFixture.of(reaction).named("ordering.reactions").when(event);
    }

    private static OrderStatus statusOf(Order order) {
        return ((Order.Placed) order).status();
    }

    @Test
    void payment_authorized_approves_the_order() {
        Order after = when(new WhenPaymentAuthorizedThenApproveOrder(), new PaymentAuthorized("o1", "c1", 1100))
                .thenCommands(new ApproveOrder("o1"))
                .thenDecidedOnceBy(new OrderDecider(), List.of(OrderDeciderTest.CREATED));

        assertThat(statusOf(after)).isEqualTo(OrderStatus.APPROVED);
    }

    @Test
    void payment_declined_rejects_the_order() {
        Order after = when(new WhenPaymentDeclinedThenRejectOrder(), new PaymentDeclined("o1", "c1", 1100))
                .thenCommands(new RejectOrder("o1", OrderRejectionReason.PAYMENT_DECLINED))
                .thenDecidedOnceBy(new OrderDecider(), List.of(OrderDeciderTest.CREATED));

        assertThat(statusOf(after)).isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void a_failed_verification_rejects_the_order_for_the_failure_it_names() {
        var reaction = new WhenConsumerVerificationFailedThenRejectOrder();

        when(reaction, new ConsumerVerificationFailed("c1", "o1", VerificationFailure.CONSUMER_INACTIVE))
                .thenCommands(new RejectOrder("o1", OrderRejectionReason.CONSUMER_INACTIVE));
        when(reaction, new ConsumerVerificationFailed("c1", "o1", VerificationFailure.CONSUMER_UNKNOWN))
                .thenCommands(new RejectOrder("o1", OrderRejectionReason.CONSUMER_UNKNOWN))
                .thenDecidedOnceBy(new OrderDecider(), List.of(OrderDeciderTest.CREATED));
    }

    @Test
    void payment_reversed_completes_the_cancellation_for_its_reason() {
        Order after = when(
                        new WhenPaymentReversedThenCompleteCancellation(),
                        new PaymentReversed("o1", 1100, CancellationReason.RESTAURANT_REJECTED))
                .thenCommands(new CompleteCancellation("o1", CancellationReason.RESTAURANT_REJECTED))
                .thenDecidedOnceBy(
                        new OrderDecider(), List.<OrderEvent>of(OrderDeciderTest.CREATED, OrderDeciderTest.APPROVED));

        assertThat(statusOf(after)).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void a_refused_ticket_cancellation_puts_the_order_back_to_approved() {
        Order after = when(
                        new WhenTicketCancellationRefusedThenRefuseCancellation(), new TicketCancellationRefused("o1"))
                .thenCommands(new RefuseCancellation("o1"))
                .thenDecidedOnceBy(
                        new OrderDecider(),
                        List.of(
                                OrderDeciderTest.CREATED,
                                OrderDeciderTest.APPROVED,
                                OrderDeciderTest.CANCEL_REQUESTED));

        assertThat(statusOf(after)).isEqualTo(OrderStatus.APPROVED);
    }

    @Test
    void the_group_reacts_to_exactly_its_members_triggers() {
        var group = OrderingReactions.all();

        assertThat(group.triggerTypeNames())
                .containsExactlyInAnyOrder(
                        "consumers.ConsumerVerificationFailed",
                        "accounting.PaymentAuthorized",
                        "accounting.PaymentDeclined",
                        "kitchen.TicketCancellationRefused",
                        "accounting.PaymentReversed",
                        "delivery.DeliveryDelivered");
        when(group, new PaymentAuthorized("o1", "c1", 1100)).thenCommands(new ApproveOrder("o1"));
    }

    @Test
    void a_delivered_order_is_completed() {
        Order after = when(new WhenDeliveryDeliveredThenCompleteOrder(), new DeliveryDelivered("o1", "k1"))
                .thenCommands(new OrderCommand.CompleteOrder("o1"))
                .thenDecidedOnceBy(
                        new OrderDecider(), List.<OrderEvent>of(OrderDeciderTest.CREATED, OrderDeciderTest.APPROVED));

        assertThat(statusOf(after)).isEqualTo(OrderStatus.COMPLETED);
    }
}
