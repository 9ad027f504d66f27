package dev.cairn.restaurant.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.cairn.restaurant.contracts.OrderEvent.OrderApproved;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCancellationRequested;
import dev.cairn.restaurant.contracts.OrderEvent.OrderRejected;
import dev.cairn.restaurant.contracts.TicketEvent.TicketConfirmed;
import dev.cairn.testing.ReactionFixture;
import dev.cairn.testing.SyntheticLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnEventTest {

    /** A rule that would answer any order event, so only OnEvent's filter keeps it to its trigger. */
    static final class WhenOrderApprovedThenShip extends OnEvent<String> {
        WhenOrderApprovedThenShip() {
            super(OrderApproved.class, approved -> "ship " + approved.orderId());
        }
    }

    private final ReactionFixture<PublishedEvent, String> shipping =
            ReactionFixture.of(new WhenOrderApprovedThenShip());

    @Test
    void sends_the_rules_command_for_an_event_of_its_trigger() {
        shipping.when(new OrderApproved("o1")).thenCommands("ship o1");
    }

    @Test
    void sends_nothing_for_events_of_other_types_of_the_same_vocabulary_or_another() {
        for (PublishedEvent other : List.of(
                new OrderRejected("o1", OrderRejectionReason.PAYMENT_DECLINED),
                new OrderCancellationRequested("o1"),
                new TicketConfirmed("o1"))) {
            shipping.when(other).thenNothing();
        }
    }

    @Test
    void its_triggers_are_the_one_class_it_was_made_with() {
        var reaction = new WhenOrderApprovedThenShip();

        assertThat(reaction.triggers()).containsExactly(OrderApproved.class);
        assertThat(reaction.triggerTypeNames()).containsExactly("ordering.OrderApproved");
    }

    @Test
    void a_rule_that_answers_null_fails_instead_of_sending_nothing() {
        var broken = new OnEvent<String>(OrderApproved.class, approved -> null) {};

        assertThatNullPointerException()
                .isThrownBy(
                        () -> broken.react(SyntheticLog.<PublishedEvent>create().append(new OrderApproved("o1"))))
                .withMessageContaining("the rule's command");
    }
}
