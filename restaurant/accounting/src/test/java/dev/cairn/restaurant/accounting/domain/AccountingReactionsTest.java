package dev.cairn.restaurant.accounting.domain;

import static dev.cairn.restaurant.testing.Envelopes.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.restaurant.accounting.domain.PaymentCommand.ReversePayment;
import dev.cairn.restaurant.contracts.CancellationReason;
import dev.cairn.restaurant.contracts.PaymentEvent;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCancelled;
import dev.cairn.restaurant.contracts.TicketEvent.TicketRejected;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import dev.cairn.restaurant.testing.TriggerChecks;
import org.junit.jupiter.api.Test;

class AccountingReactionsTest {

    private final PaymentDecider decider = new PaymentDecider();

    /** Reacts to an authorised payment's trigger twice: one reversal, then nothing. */
    private Payment assertRedeliveryIsHarmless(TriggeredReaction<PaymentCommand> reaction, PublishedEvent trigger) {
        Payment state = decider.evolve(decider.initialState(), PaymentDeciderTest.AUTHORIZED);
        for (PaymentCommand command : reaction.react(at(10, trigger))) {
            for (PaymentEvent event : decider.decide(command, state)) {
                state = decider.evolve(state, event);
            }
        }
        for (PaymentCommand command : reaction.react(at(10, trigger))) {
            assertThat(decider.decide(command, state)).as("events of a redelivered %s", command).isEmpty();
        }
        TriggerChecks.assertReactsOnlyToItsTriggers(reaction);
        return state;
    }

    @Test
    void a_ticket_rejected_by_the_kitchen_reverses_the_payment_as_restaurant_rejected() {
        var reaction = new WhenTicketRejectedThenReversePayment();

        assertThat(reaction.react(at(1, new TicketRejected("o1", "out of soup"))))
                .containsExactly(new ReversePayment("o1", CancellationReason.RESTAURANT_REJECTED));
        assertThat(assertRedeliveryIsHarmless(reaction, new TicketRejected("o1", "out of soup")))
                .isEqualTo(new Payment.Existing(1100, PaymentStatus.REVERSED));
    }

    @Test
    void a_ticket_cancelled_for_the_consumer_reverses_the_payment_as_cancelled_by_consumer() {
        var reaction = new WhenTicketCancelledThenReversePayment();

        assertThat(reaction.react(at(1, new TicketCancelled("o1"))))
                .containsExactly(new ReversePayment("o1", CancellationReason.CANCELLED_BY_CONSUMER));
        assertThat(assertRedeliveryIsHarmless(reaction, new TicketCancelled("o1")))
                .isEqualTo(new Payment.Existing(1100, PaymentStatus.REVERSED));
    }

    @Test
    void the_group_holds_both_refunds() {
        var group = AccountingReactions.all();

        assertThat(group.triggerTypeNames()).containsExactlyInAnyOrder("kitchen.TicketRejected", "kitchen.TicketCancelled");
        TriggerChecks.assertReactsOnlyToItsTriggers(group);
    }
}
