package dev.cairn.restaurant.delivery.domain;

import static dev.cairn.core.model.Rejection.Kind.NOT_ALLOWED;
import static dev.cairn.core.model.Rejection.Kind.NOT_FOUND;
import static dev.cairn.restaurant.delivery.domain.Deliveries.CANCELLED;
import static dev.cairn.restaurant.delivery.domain.Deliveries.DELIVERED;
import static dev.cairn.restaurant.delivery.domain.Deliveries.PICKED_UP;
import static dev.cairn.restaurant.delivery.domain.Deliveries.READY_BY;
import static dev.cairn.restaurant.delivery.domain.Deliveries.REQUESTED;
import static dev.cairn.restaurant.delivery.domain.Deliveries.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.restaurant.contracts.DeliveryEvent;
import dev.cairn.restaurant.delivery.domain.DeliveryCommand.CancelDelivery;
import dev.cairn.restaurant.delivery.domain.DeliveryCommand.CompleteDelivery;
import dev.cairn.restaurant.delivery.domain.DeliveryCommand.PickUpDelivery;
import dev.cairn.restaurant.delivery.domain.DeliveryCommand.RequestDelivery;
import dev.cairn.restaurant.delivery.domain.DeliveryCommand.ScheduleDelivery;
import dev.cairn.testing.DeciderFixture;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeliveryDeciderTest {

    private static DeciderFixture<DeliveryCommand, Delivery, DeliveryEvent> decider() {
        return DeciderFixture.of(new DeliveryDecider());
    }

    @Nested
    class RequestDeliveryCommand {

        @Test
        void requests_a_pending_delivery() {
            decider()
                    .when(new RequestDelivery("o1", "r1", READY_BY))
                    .thenEvents(REQUESTED)
                    .thenState(new Delivery.Existing(DeliveryStatus.PENDING, Optional.empty()));
        }

        @Test
        void answers_an_existing_delivery_with_no_events() {
            decider()
                    .given(REQUESTED, SCHEDULED)
                    .when(new RequestDelivery("o1", "r1", READY_BY))
                    .thenNothing();
        }

        @Test
        void goes_to_the_delivery_stream_and_needs_a_ready_by() {
            assertThat(new RequestDelivery("o1", "r1", READY_BY).streamId()).isEqualTo("delivery-o1");
            assertThatThrownBy(() -> new RequestDelivery("o1", "r1", null)).hasMessageStartingWith("readyBy");
        }
    }

    @Nested
    class ScheduleDeliveryCommand {

        @Test
        void schedules_a_pending_delivery_with_the_courier() {
            decider()
                    .given(REQUESTED)
                    .when(new ScheduleDelivery("o1", "k1"))
                    .thenEvents(SCHEDULED)
                    .thenState(new Delivery.Existing(DeliveryStatus.SCHEDULED, Optional.of("k1")));
        }

        @Test
        void answers_the_same_courier_again_with_no_events() {
            decider()
                    .given(REQUESTED, SCHEDULED)
                    .when(new ScheduleDelivery("o1", "k1"))
                    .thenNothing();
            decider()
                    .given(REQUESTED, SCHEDULED, PICKED_UP)
                    .when(new ScheduleDelivery("o1", "k1"))
                    .thenNothing();
        }

        @Test
        void refuses_another_courier_for_a_scheduled_delivery() {
            decider()
                    .given(REQUESTED, SCHEDULED)
                    .when(new ScheduleDelivery("o1", "k2"))
                    .thenRejected(NOT_ALLOWED, "INVALID_TRANSITION")
                    .thenMessageContains("courier k1");
        }

        @Test
        void refuses_a_cancelled_delivery() {
            decider()
                    .given(REQUESTED, CANCELLED)
                    .when(new ScheduleDelivery("o1", "k1"))
                    .thenRejected(NOT_ALLOWED, "INVALID_TRANSITION");
        }

        @Test
        void refuses_an_unknown_delivery() {
            decider()
                    .when(new ScheduleDelivery("o9", "k1"))
                    .thenRejected(NOT_FOUND, "DELIVERY_NOT_FOUND")
                    .thenMessageContains("o9");
        }
    }

    @Nested
    class PickUpDeliveryCommand {

        @Test
        void picks_up_a_scheduled_delivery_whose_food_is_ready() {
            decider()
                    .given(REQUESTED, SCHEDULED)
                    .when(new PickUpDelivery("o1", true))
                    .thenEvents(PICKED_UP)
                    .thenState(new Delivery.Existing(DeliveryStatus.PICKED_UP, Optional.of("k1")));
        }

        @Test
        void refuses_while_the_food_is_not_ready() {
            decider()
                    .given(REQUESTED, SCHEDULED)
                    .when(new PickUpDelivery("o1", false))
                    .thenRejected(NOT_ALLOWED, "TICKET_NOT_READY")
                    .thenMessageContains("ready for pickup");
        }

        @Test
        void refuses_a_delivery_without_a_courier() {
            decider()
                    .given(REQUESTED)
                    .when(new PickUpDelivery("o1", true))
                    .thenRejected(NOT_ALLOWED, "INVALID_TRANSITION")
                    .thenMessageContains("PENDING");
        }

        @Test
        void answers_a_picked_up_delivery_with_no_events() {
            decider()
                    .given(REQUESTED, SCHEDULED, PICKED_UP)
                    .when(new PickUpDelivery("o1", false))
                    .thenNothing();
        }

        @Test
        void refuses_an_unknown_delivery() {
            decider().when(new PickUpDelivery("o9", true)).thenRejected(NOT_FOUND, "DELIVERY_NOT_FOUND");
        }
    }

    @Nested
    class CompleteDeliveryCommand {

        @Test
        void delivers_a_picked_up_delivery() {
            decider()
                    .given(REQUESTED, SCHEDULED, PICKED_UP)
                    .when(new CompleteDelivery("o1"))
                    .thenEvents(DELIVERED)
                    .thenState(new Delivery.Existing(DeliveryStatus.DELIVERED, Optional.of("k1")));
        }

        @Test
        void refuses_to_deliver_before_pickup() {
            decider()
                    .given(REQUESTED, SCHEDULED)
                    .when(new CompleteDelivery("o1"))
                    .thenRejected(NOT_ALLOWED, "INVALID_TRANSITION")
                    .thenMessageContains("PICKED_UP");
        }

        @Test
        void answers_a_delivered_delivery_with_no_events() {
            decider()
                    .given(REQUESTED, SCHEDULED, PICKED_UP, DELIVERED)
                    .when(new CompleteDelivery("o1"))
                    .thenNothing();
        }
    }

    @Nested
    class CancelDeliveryCommand {

        @Test
        void cancels_a_pending_or_scheduled_delivery() {
            decider().given(REQUESTED).when(new CancelDelivery("o1")).thenEvents(CANCELLED);
            decider()
                    .given(REQUESTED, SCHEDULED)
                    .when(new CancelDelivery("o1"))
                    .thenEvents(CANCELLED)
                    .thenState(new Delivery.Existing(DeliveryStatus.CANCELLED, Optional.of("k1")));
        }

        @Test
        void answers_no_delivery_or_a_cancelled_one_with_no_events() {
            decider().when(new CancelDelivery("o1")).thenNothing();
            decider().given(REQUESTED, CANCELLED).when(new CancelDelivery("o1")).thenNothing();
        }

        @Test
        void refuses_food_already_on_its_way() {
            decider()
                    .given(REQUESTED, SCHEDULED, PICKED_UP)
                    .when(new CancelDelivery("o1"))
                    .thenRejected(NOT_ALLOWED, "INVALID_TRANSITION");
        }
    }
}
