package dev.cairn.restaurant.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.contracts.OrderEvent.OrderApproved;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCancelled;
import dev.cairn.restaurant.contracts.OrderEvent.OrderRejected;
import dev.cairn.testing.ReactionFixture;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReactionGroupTest {

    /** Answers any event with a fixed command, so only the group's filtering keeps it to its trigger. */
    record Echo(Class<? extends PublishedEvent> trigger, String command) implements TriggeredReaction<String> {
        @Override
        public List<String> react(Envelope<PublishedEvent> event) {
            return List.of(command);
        }

        @Override
        public Set<Class<? extends PublishedEvent>> triggers() {
            return Set.of(trigger);
        }
    }

    private final ReactionGroup<String> group = ReactionGroup.of(
            new Echo(OrderApproved.class, "first"),
            new Echo(OrderApproved.class, "second"),
            new Echo(OrderRejected.class, "third"));

    @Test
    void passes_an_event_to_every_member_it_triggers_in_order() {
        ReactionFixture.of(group).when(new OrderApproved("o1")).thenCommands("first", "second");
        ReactionFixture.of(group)
                .when(new OrderRejected("o1", OrderRejectionReason.PAYMENT_DECLINED))
                .thenCommands("third");
    }

    @Test
    void triggers_are_the_union_of_the_members_and_anything_else_is_ignored() {
        assertThat(group.triggers()).containsExactlyInAnyOrder(OrderApproved.class, OrderRejected.class);
        assertThat(group.triggerTypeNames())
                .containsExactlyInAnyOrder("ordering.OrderApproved", "ordering.OrderRejected");
        ReactionFixture.of(group)
                .when(new OrderCancelled("o1", CancellationReason.RESTAURANT_REJECTED))
                .thenNothing();
    }
}
