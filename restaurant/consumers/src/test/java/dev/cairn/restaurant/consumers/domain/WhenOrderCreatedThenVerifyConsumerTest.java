package dev.cairn.restaurant.consumers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.restaurant.consumers.domain.VerificationCommand.VerifyConsumer;
import dev.cairn.restaurant.contracts.ConsumerEvent;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.OrderLine;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.testing.DeciderFixture;
import dev.cairn.testing.ReactionFixture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WhenOrderCreatedThenVerifyConsumerTest {

    private final Map<String, ConsumerStanding> standings = new HashMap<>();
    private final ReactionFixture<PublishedEvent, VerificationCommand> reaction = ReactionFixture.of(
            new WhenOrderCreatedThenVerifyConsumer(id -> standings.getOrDefault(id, ConsumerStanding.UNKNOWN)));

    private static OrderCreated created(String consumerId) {
        return new OrderCreated(
                "o1",
                consumerId,
                "r1",
                "Chez Ada",
                List.of(new OrderLine("m1", "Soup", 2, 450)),
                900,
                "1 Main St",
                "tok_visa");
    }

    @Test
    void verifies_the_consumer_of_a_new_order_with_their_current_standing() {
        standings.put("c1", ConsumerStanding.ACTIVE);

        reaction.when(created("c1"))
                .thenCommands(new VerifyConsumer("o1", "c1", ConsumerStanding.ACTIVE))
                .thenDecidedOnceBy(new VerificationDecider(), List.of());
        reaction.when(created("c2")).thenCommands(new VerifyConsumer("o1", "c2", ConsumerStanding.UNKNOWN));
    }

    @Test
    void reacts_to_order_created_only() {
        assertThat(new WhenOrderCreatedThenVerifyConsumer(id -> ConsumerStanding.ACTIVE).triggerTypeNames())
                .containsExactly("ordering.OrderCreated");
    }

    @Test
    void a_redelivery_appends_nothing_even_when_the_standing_changed() {
        standings.put("c1", ConsumerStanding.ACTIVE);
        VerificationCommand first = reaction.when(created("c1")).commands().getFirst();
        List<ConsumerEvent> verified =
                DeciderFixture.of(new VerificationDecider()).when(first).events();

        standings.put("c1", ConsumerStanding.INACTIVE);
        VerificationCommand again = reaction.when(created("c1")).commands().getFirst();

        assertThat(again).isEqualTo(new VerifyConsumer("o1", "c1", ConsumerStanding.INACTIVE));
        DeciderFixture.of(new VerificationDecider()).given(verified).when(again).thenNothing();
    }
}
