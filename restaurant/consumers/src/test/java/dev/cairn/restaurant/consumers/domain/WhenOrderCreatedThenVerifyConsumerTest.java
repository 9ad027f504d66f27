package dev.cairn.restaurant.consumers.domain;

import static dev.cairn.restaurant.testing.Envelopes.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.restaurant.consumers.domain.VerificationCommand.VerifyConsumer;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.OrderLine;
import dev.cairn.restaurant.testing.TriggerChecks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WhenOrderCreatedThenVerifyConsumerTest {

    private final Map<String, ConsumerStanding> standings = new HashMap<>();
    private final WhenOrderCreatedThenVerifyConsumer reaction =
            new WhenOrderCreatedThenVerifyConsumer(id -> standings.getOrDefault(id, ConsumerStanding.UNKNOWN));

    private static OrderCreated created(String consumerId) {
        return new OrderCreated("o1", consumerId, "r1", "Chez Ada", List.of(new OrderLine("m1", "Soup", 2, 450)),
                900, "1 Main St", "tok_visa");
    }

    @Test
    void verifies_the_consumer_of_a_new_order_with_their_current_standing() {
        standings.put("c1", ConsumerStanding.ACTIVE);

        assertThat(reaction.react(at(1, created("c1"))))
                .containsExactly(new VerifyConsumer("o1", "c1", ConsumerStanding.ACTIVE));
        assertThat(reaction.react(at(1, created("c2"))))
                .containsExactly(new VerifyConsumer("o1", "c2", ConsumerStanding.UNKNOWN));
    }

    @Test
    void ignores_every_other_event() {
        TriggerChecks.assertReactsOnlyToItsTriggers(reaction);
        assertThat(reaction.triggerTypeNames()).containsExactly("ordering.OrderCreated");
    }

    @Test
    void a_redelivery_appends_nothing_even_when_the_standing_changed() {
        standings.put("c1", ConsumerStanding.ACTIVE);
        VerificationDecider decider = new VerificationDecider();
        VerifyConsumer first = (VerifyConsumer) reaction.react(at(1, created("c1"))).getFirst();
        Verification afterFirst = decider.fold(decider.decide(first, decider.initialState()));

        standings.put("c1", ConsumerStanding.INACTIVE);
        VerificationCommand again = reaction.react(at(1, created("c1"))).getFirst();

        assertThat(decider.decide(again, afterFirst)).isEmpty();
    }
}
