package dev.cairn.restaurant.ordering.domain;

import static dev.cairn.restaurant.testing.Envelopes.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.restaurant.contracts.CancellationReason;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerificationFailed;
import dev.cairn.restaurant.contracts.OrderEvent;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentAuthorized;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentDeclined;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentReversed;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.ReactionGroup;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCancellationRefused;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import dev.cairn.restaurant.contracts.VerificationFailure;
import dev.cairn.restaurant.ordering.domain.OrderCommand.ApproveOrder;
import dev.cairn.restaurant.ordering.domain.OrderCommand.CompleteCancellation;
import dev.cairn.restaurant.ordering.domain.OrderCommand.RefuseCancellation;
import dev.cairn.restaurant.ordering.domain.OrderCommand.RejectOrder;
import dev.cairn.restaurant.testing.TriggerChecks;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderingReactionsTest {

    private final OrderDecider decider = new OrderDecider();

    /** Reacts to {@code trigger} once, applies the commands, then again: the second time appends nothing. */
    private Order assertRedeliveryIsHarmless(TriggeredReaction<OrderCommand> reaction, PublishedEvent trigger,
                                             OrderEvent... history) {
        Order state = decider.fold(List.of(history));
        for (OrderCommand command : reaction.react(at(10, trigger))) {
            for (OrderEvent event : decider.decide(command, state)) {
                state = decider.evolve(state, event);
            }
        }
        for (OrderCommand command : reaction.react(at(10, trigger))) {
            assertThat(decider.decide(command, state)).as("events of a redelivered %s", command).isEmpty();
        }
        return state;
    }

    @Test
    void payment_authorized_approves_the_order() {
        var reaction = new WhenPaymentAuthorizedThenApproveOrder();

        assertThat(reaction.react(at(1, new PaymentAuthorized("o1", "c1", 1100)))).containsExactly(new ApproveOrder("o1"));
        Order after = assertRedeliveryIsHarmless(reaction, new PaymentAuthorized("o1", "c1", 1100), OrderDeciderTest.CREATED);
        assertThat(((Order.Placed) after).status()).isEqualTo(OrderStatus.APPROVED);
        TriggerChecks.assertReactsOnlyToItsTriggers(reaction);
    }

    @Test
    void payment_declined_rejects_the_order() {
        var reaction = new WhenPaymentDeclinedThenRejectOrder();

        assertThat(reaction.react(at(1, new PaymentDeclined("o1", "c1", 1100))))
                .containsExactly(new RejectOrder("o1", OrderRejectionReason.PAYMENT_DECLINED));
        assertRedeliveryIsHarmless(reaction, new PaymentDeclined("o1", "c1", 1100), OrderDeciderTest.CREATED);
        TriggerChecks.assertReactsOnlyToItsTriggers(reaction);
    }

    @Test
    void a_failed_verification_rejects_the_order_as_consumer_unknown_whatever_the_failure() {
        var reaction = new WhenConsumerVerificationFailedThenRejectOrder();

        assertThat(reaction.react(at(1, new ConsumerVerificationFailed("c1", "o1", VerificationFailure.CONSUMER_INACTIVE))))
                .containsExactly(new RejectOrder("o1", OrderRejectionReason.CONSUMER_UNKNOWN));
        assertRedeliveryIsHarmless(reaction,
                new ConsumerVerificationFailed("c1", "o1", VerificationFailure.CONSUMER_UNKNOWN), OrderDeciderTest.CREATED);
        TriggerChecks.assertReactsOnlyToItsTriggers(reaction);
    }

    @Test
    void payment_reversed_completes_the_cancellation_for_its_reason() {
        var reaction = new WhenPaymentReversedThenCompleteCancellation();
        var reversed = new PaymentReversed("o1", 1100, CancellationReason.RESTAURANT_REJECTED);

        assertThat(reaction.react(at(1, reversed)))
                .containsExactly(new CompleteCancellation("o1", CancellationReason.RESTAURANT_REJECTED));
        Order after = assertRedeliveryIsHarmless(reaction, reversed, OrderDeciderTest.CREATED, OrderDeciderTest.APPROVED);
        assertThat(((Order.Placed) after).status()).isEqualTo(OrderStatus.CANCELLED);
        TriggerChecks.assertReactsOnlyToItsTriggers(reaction);
    }

    @Test
    void a_refused_ticket_cancellation_puts_the_order_back_to_approved() {
        var reaction = new WhenTicketCancellationRefusedThenRefuseCancellation();

        assertThat(reaction.react(at(1, new TicketCancellationRefused("o1")))).containsExactly(new RefuseCancellation("o1"));
        Order after = assertRedeliveryIsHarmless(reaction, new TicketCancellationRefused("o1"),
                OrderDeciderTest.CREATED, OrderDeciderTest.APPROVED, OrderDeciderTest.CANCEL_REQUESTED);
        assertThat(((Order.Placed) after).status()).isEqualTo(OrderStatus.APPROVED);
        TriggerChecks.assertReactsOnlyToItsTriggers(reaction);
    }

    @Test
    void the_group_reacts_to_exactly_its_members_triggers() {
        ReactionGroup<OrderCommand> group = OrderingReactions.all();

        assertThat(group.triggerTypeNames()).containsExactlyInAnyOrder("consumers.ConsumerVerificationFailed",
                "accounting.PaymentAuthorized", "accounting.PaymentDeclined", "kitchen.TicketCancellationRefused",
                "accounting.PaymentReversed");
        assertThat(group.react(at(1, new PaymentAuthorized("o1", "c1", 1100)))).containsExactly(new ApproveOrder("o1"));
        TriggerChecks.assertReactsOnlyToItsTriggers(group);
    }
}
