package dev.cairn.restaurant.delivery.domain;

import static dev.cairn.restaurant.delivery.domain.Deliveries.READY_BY;
import static dev.cairn.restaurant.delivery.domain.Deliveries.REQUESTED;
import static dev.cairn.restaurant.delivery.domain.Deliveries.SCHEDULED;
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
import dev.cairn.testing.ProjectionFixture;
import dev.cairn.testing.ReactionFixture;
import dev.cairn.testing.ReactionOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeliveryReactionsTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final TicketAccepted ACCEPTED = new TicketAccepted("o1", "r1", NOW, READY_BY);

    private static ReactionOutcome<PublishedEvent, DeliveryCommand> when(
            TriggeredReaction<DeliveryCommand> reaction, PublishedEvent event) {
        return ReactionFixture.of(reaction).when(event);
    }

    @Test
    void an_accepted_ticket_requests_a_delivery() {
        Delivery after = when(new WhenTicketAcceptedThenRequestDelivery(), ACCEPTED)
                .thenCommands(new RequestDelivery("o1", "r1", READY_BY))
                .thenDecidedOnceBy(new DeliveryDecider(), List.of());

        assertThat(after).isEqualTo(new Delivery.Existing(DeliveryStatus.PENDING, Optional.empty()));
    }

    @Test
    void a_cancelled_ticket_cancels_its_delivery_if_any() {
        var cancelled = when(new WhenTicketCancelledThenCancelDelivery(), new TicketCancelled("o1"))
                .thenCommands(new CancelDelivery("o1"));

        assertThat(cancelled.thenDecidedOnceBy(new DeliveryDecider(), List.<DeliveryEvent>of(REQUESTED, SCHEDULED)))
                .isEqualTo(new Delivery.Existing(DeliveryStatus.CANCELLED, Optional.of("k1")));
        assertThat(cancelled.thenDecidedOnceBy(new DeliveryDecider(), List.of()))
                .isEqualTo(new Delivery.NoDelivery());
    }

    @Test
    void the_group_holds_both_reactions() {
        assertThat(DeliveryReactions.all().triggerTypeNames())
                .containsExactlyInAnyOrder("kitchen.TicketAccepted", "kitchen.TicketCancelled");
        when(DeliveryReactions.all(), ACCEPTED).thenCommands(new RequestDelivery("o1", "r1", READY_BY));
    }

    @Nested
    class The_ready_for_pickup_replica {

        @Test
        void knows_food_is_ready_until_it_is_picked_up() {
            var fixture = ProjectionFixture.of(ReadyForPickupReplica::new).given(new TicketReadyForPickup("o1"));
            fixture.then(ready -> ready.readyForPickup("o1"), true).then(ready -> ready.readyForPickup("o2"), false);

            fixture.given(new TicketPickedUp("o1")).then(ready -> ready.readyForPickup("o1"), false);
        }

        @Test
        void ignores_a_redelivered_older_event() {
            var fixture = ProjectionFixture.of(ReadyForPickupReplica::new)
                    .given(new TicketReadyForPickup("o1"), new TicketPickedUp("o1"))
                    .thenIdempotent(ready -> ready.readyForPickup("o1"));
            ReadyForPickupReplica replica = fixture.readModel();

            replica.apply(fixture.envelopes().getFirst());

            assertThat(replica.readyForPickup("o1")).isFalse();
            assertThat(replica.position()).isEqualTo(2);
        }

        @Test
        void forgets_everything_on_reset() {
            ReadyForPickupReplica replica = ProjectionFixture.of(ReadyForPickupReplica::new)
                    .given(new TicketReadyForPickup("o1"))
                    .readModel();
            replica.reset();

            assertThat(replica.readyForPickup("o1")).isFalse();
            assertThat(replica.triggerTypeNames())
                    .containsExactlyInAnyOrder("kitchen.TicketReadyForPickup", "kitchen.TicketPickedUp");
        }
    }
}
