package dev.cairn.restaurant.accounting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.restaurant.accounting.domain.PaymentCommand.ReversePayment;
import dev.cairn.restaurant.contracts.CancellationReason;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryDelivered;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCancelled;
import dev.cairn.restaurant.contracts.TicketEvent.TicketRejected;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import dev.cairn.testing.ReactionFixture;
import dev.cairn.testing.ReactionOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountingReactionsTest {

    private static ReactionOutcome<PublishedEvent, PaymentCommand> when(
            TriggeredReaction<PaymentCommand> reaction, PublishedEvent event) {
        return ReactionFixture.of(reaction).when(event);
    }

    @Test
    void a_ticket_rejected_by_the_kitchen_reverses_the_payment_as_restaurant_rejected() {
        Payment after = when(new WhenTicketRejectedThenReversePayment(), new TicketRejected("o1", "out of soup"))
                .thenCommands(new ReversePayment("o1", CancellationReason.RESTAURANT_REJECTED))
                .thenDecidedOnceBy(new PaymentDecider(), List.of(PaymentDeciderTest.AUTHORIZED));

        assertThat(after).isEqualTo(new Payment.Existing(1100, PaymentStatus.REVERSED));
    }

    @Test
    void a_ticket_cancelled_for_the_consumer_reverses_the_payment_as_cancelled_by_consumer() {
        Payment after = when(new WhenTicketCancelledThenReversePayment(), new TicketCancelled("o1"))
                .thenCommands(new ReversePayment("o1", CancellationReason.CANCELLED_BY_CONSUMER))
                .thenDecidedOnceBy(new PaymentDecider(), List.of(PaymentDeciderTest.AUTHORIZED));

        assertThat(after).isEqualTo(new Payment.Existing(1100, PaymentStatus.REVERSED));
    }

    @Test
    void a_delivered_order_has_its_payment_captured() {
        Payment after = when(new WhenDeliveryDeliveredThenCapturePayment(), new DeliveryDelivered("o1", "k1"))
                .thenCommands(new PaymentCommand.CapturePayment("o1"))
                .thenDecidedOnceBy(new PaymentDecider(), List.of(PaymentDeciderTest.AUTHORIZED));

        assertThat(after).isEqualTo(new Payment.Existing(1100, PaymentStatus.CAPTURED));
    }

    @Test
    void the_group_holds_both_refunds_and_the_capture() {
        var group = AccountingReactions.all();

        assertThat(group.triggerTypeNames())
                .containsExactlyInAnyOrder(
                        "kitchen.TicketRejected", "kitchen.TicketCancelled", "delivery.DeliveryDelivered");
        when(group, new TicketCancelled("o1"))
                .thenCommands(new ReversePayment("o1", CancellationReason.CANCELLED_BY_CONSUMER));
    }
}
