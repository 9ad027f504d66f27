package dev.cairn.restaurant.delivery.domain;

import static dev.cairn.restaurant.testing.Envelopes.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.restaurant.contracts.DeliveryEvent;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketAccepted;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCancelled;
import dev.cairn.restaurant.contracts.TicketEvent.TicketPickedUp;
import dev.cairn.restaurant.contracts.TicketEvent.TicketReadyForPickup;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import dev.cairn.restaurant.delivery.domain.DeliveryCommand.CancelDelivery;
import dev.cairn.restaurant.delivery.domain.DeliveryCommand.RequestDelivery;
import dev.cairn.restaurant.testing.TriggerChecks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeliveryReactionsTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final TicketAccepted ACCEPTED = new TicketAccepted("o1", "r1", NOW, DeliveryDeciderTest.READY_BY);

    private final DeliveryDecider decider = new DeliveryDecider();

    private Delivery assertRedeliveryIsHarmless(TriggeredReaction<DeliveryCommand> reaction, PublishedEvent trigger,
                                                DeliveryEvent... history) {
        Delivery state = decider.fold(List.of(history));
        for (DeliveryCommand command : reaction.react(at(10, trigger))) {
            for (DeliveryEvent event : decider.decide(command, state)) {
                state = decider.evolve(state, event);
            }
        }
        for (DeliveryCommand command : reaction.react(at(10, trigger))) {
            assertThat(decider.decide(command, state)).as("events of a redelivered %s", command).isEmpty();
        }
        TriggerChecks.assertReactsOnlyToItsTriggers(reaction);
        return state;
    }

    @Test
    void an_accepted_ticket_requests_a_delivery() {
        var reaction = new WhenTicketAcceptedThenRequestDelivery();

        assertThat(reaction.react(at(1, ACCEPTED))).containsExactly(new RequestDelivery("o1", "r1", DeliveryDeciderTest.READY_BY));
        assertThat(assertRedeliveryIsHarmless(reaction, ACCEPTED))
                .isEqualTo(new Delivery.Existing(DeliveryStatus.PENDING, Optional.empty()));
    }

    @Test
    void a_cancelled_ticket_cancels_its_delivery_if_any() {
        var reaction = new WhenTicketCancelledThenCancelDelivery();

        assertThat(reaction.react(at(1, new TicketCancelled("o1")))).containsExactly(new CancelDelivery("o1"));
        assertThat(assertRedeliveryIsHarmless(reaction, new TicketCancelled("o1"), DeliveryDeciderTest.REQUESTED,
                DeliveryDeciderTest.SCHEDULED)).isEqualTo(new Delivery.Existing(DeliveryStatus.CANCELLED, Optional.of("k1")));
        assertThat(assertRedeliveryIsHarmless(reaction, new TicketCancelled("o1"))).isEqualTo(new Delivery.NoDelivery());
    }

    @Test
    void the_group_holds_both_reactions() {
        assertThat(DeliveryReactions.all().triggerTypeNames())
                .containsExactlyInAnyOrder("kitchen.TicketAccepted", "kitchen.TicketCancelled");
        TriggerChecks.assertReactsOnlyToItsTriggers(DeliveryReactions.all());
    }

    @Nested
    class The_ready_for_pickup_replica {

        private final ReadyForPickupReplica replica = new ReadyForPickupReplica();

        @Test
        void knows_food_is_ready_until_it_is_picked_up() {
            replica.apply(at(1, new TicketReadyForPickup("o1")));
            assertThat(replica.readyForPickup("o1")).isTrue();
            assertThat(replica.readyForPickup("o2")).isFalse();

            replica.apply(at(2, new TicketPickedUp("o1")));
            assertThat(replica.readyForPickup("o1")).isFalse();
        }

        @Test
        void ignores_a_redelivered_older_event() {
            replica.apply(at(1, new TicketReadyForPickup("o1")));
            replica.apply(at(2, new TicketPickedUp("o1")));
            replica.apply(at(1, new TicketReadyForPickup("o1")));

            assertThat(replica.readyForPickup("o1")).isFalse();
            assertThat(replica.position()).isEqualTo(2);
        }

        @Test
        void forgets_everything_on_reset() {
            replica.apply(at(1, new TicketReadyForPickup("o1")));
            replica.reset();

            assertThat(replica.readyForPickup("o1")).isFalse();
            assertThat(replica.triggerTypeNames()).containsExactlyInAnyOrder("kitchen.TicketReadyForPickup", "kitchen.TicketPickedUp");
        }
    }
}
