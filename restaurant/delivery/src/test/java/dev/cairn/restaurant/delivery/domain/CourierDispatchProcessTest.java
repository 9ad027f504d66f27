package dev.cairn.restaurant.delivery.domain;

import static dev.cairn.restaurant.delivery.domain.Deliveries.DELIVERED;
import static dev.cairn.restaurant.delivery.domain.Deliveries.KIM;
import static dev.cairn.restaurant.delivery.domain.Deliveries.READY_BY;
import static dev.cairn.restaurant.delivery.domain.Deliveries.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.restaurant.contracts.CourierEvent.CourierAvailabilityChanged;
import dev.cairn.restaurant.contracts.CourierEvent.CourierRegistered;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryCancelled;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryDelivered;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryRequested;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.delivery.domain.DeliveryCommand.ScheduleDelivery;
import dev.cairn.testing.ProcessManagerFixture;
import dev.cairn.testing.ProcessManagerOutcome;
import dev.cairn.testing.SentCommand;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CourierDispatchProcessTest {

    private final ProcessManagerFixture<CourierDispatch, PublishedEvent, DeliveryCommand> dispatch =
            ProcessManagerFixture.of(new CourierDispatchProcess());
    private CourierDispatch state;

    /** Feeds one event like the host does (the fixture also checks a redelivery sends the same) and returns the commands it caused. */
    private List<DeliveryCommand> feed(PublishedEvent event) {
        ProcessManagerOutcome<CourierDispatch, PublishedEvent, DeliveryCommand> outcome = dispatch.when(event);
        assertThat(outcome.instance()).contains(CourierDispatchProcess.INSTANCE);
        state = outcome.state(CourierDispatchProcess.INSTANCE).orElseThrow();
        return outcome.sent().stream().map(SentCommand::command).toList();
    }

    private List<DeliveryCommand> feedAll(PublishedEvent... events) {
        List<DeliveryCommand> commands = new ArrayList<>();
        for (PublishedEvent event : events) {
            commands.addAll(feed(event));
        }
        return commands;
    }

    private static DeliveryRequested requested(String orderId) {
        return new DeliveryRequested(orderId, "r1", READY_BY);
    }

    @Test
    void schedules_a_requested_delivery_with_an_available_courier() {
        feed(KIM);

        assertThat(feed(requested("o1"))).containsExactly(new ScheduleDelivery("o1", "k1"));
        assertThat(feed(SCHEDULED)).isEmpty();
    }

    @Test
    void keeps_a_delivery_pending_until_a_courier_is_registered() {
        assertThat(feed(requested("o1"))).isEmpty();
        assertThat(state.waitingOrders()).containsExactly("o1");

        assertThat(feed(KIM)).containsExactly(new ScheduleDelivery("o1", "k1"));
    }

    @Test
    void gives_a_courier_one_delivery_at_a_time() {
        feedAll(KIM, requested("o1"), SCHEDULED);

        assertThat(feed(requested("o2"))).isEmpty();
        assertThat(feed(DELIVERED)).containsExactly(new ScheduleDelivery("o2", "k1"));
    }

    @Test
    void a_cancelled_delivery_frees_its_courier_for_the_next() {
        feedAll(KIM, requested("o1"), requested("o2"));

        assertThat(feed(new DeliveryCancelled("o1"))).containsExactly(new ScheduleDelivery("o2", "k1"));
    }

    @Test
    void a_cancelled_waiting_delivery_is_never_scheduled() {
        feedAll(requested("o1"), new DeliveryCancelled("o1"));

        assertThat(feed(KIM)).isEmpty();
        assertThat(state.idleCouriers()).containsExactly("k1");
    }

    @Test
    void an_unavailable_courier_gets_nothing_new_until_available_again() {
        feedAll(KIM, new CourierAvailabilityChanged("k1", false));

        assertThat(feed(requested("o1"))).isEmpty();
        assertThat(feed(new CourierAvailabilityChanged("k1", true))).containsExactly(new ScheduleDelivery("o1", "k1"));
    }

    @Test
    void going_unavailable_keeps_the_current_delivery_but_takes_no_next_one() {
        feedAll(KIM, requested("o1"), SCHEDULED, new CourierAvailabilityChanged("k1", false), requested("o2"));

        assertThat(state.assignments()).containsExactly(new CourierDispatch.Assignment("k1", "o1"));
        assertThat(feed(DELIVERED)).isEmpty();
        assertThat(state.waitingOrders()).containsExactly("o2");
    }

    @Test
    void pairs_the_longest_waiting_delivery_with_the_longest_idle_courier() {
        feedAll(requested("o1"), requested("o2"), requested("o3"));

        assertThat(feedAll(KIM, new CourierRegistered("k2", "Lee")))
                .containsExactly(new ScheduleDelivery("o1", "k1"), new ScheduleDelivery("o2", "k2"));
        assertThat(feed(new DeliveryDelivered("o2", "k2"))).containsExactly(new ScheduleDelivery("o3", "k2"));
    }

    @Test
    void adopts_a_schedule_it_did_not_make() {
        feedAll(KIM, new CourierAvailabilityChanged("k1", false), requested("o1"));

        assertThat(feed(SCHEDULED)).isEmpty();
        assertThat(state.waitingOrders()).isEmpty();
        assertThat(state.assignments()).containsExactly(new CourierDispatch.Assignment("k1", "o1"));
    }

    @Test
    void redelivered_events_send_nothing_twice() {
        List<DeliveryCommand> first = feedAll(KIM, requested("o1"));
        CourierDispatch settled = state;

        assertThat(feedAll(KIM, requested("o1"), new CourierAvailabilityChanged("k1", true)))
                .isEmpty();
        assertThat(state).isEqualTo(settled);
        assertThat(first).containsExactly(new ScheduleDelivery("o1", "k1"));
        assertThat(feedAll(DELIVERED, DELIVERED)).isEmpty();
        assertThat(state.idleCouriers()).containsExactly("k1");
    }

    @Test
    void the_same_transition_always_yields_the_same_commands() {
        // The fixture reacts to the last event twice from the same state and fails if the commands differ.
        ProcessManagerFixture.of(new CourierDispatchProcess())
                .given(KIM)
                .when(requested("o1"))
                .thenCommands(new ScheduleDelivery("o1", "k1"));
    }

    @Test
    void follows_only_courier_and_delivery_events() {
        assertThat(new CourierDispatchProcess().triggerTypeNames())
                .containsExactlyInAnyOrder(
                        "delivery.CourierRegistered",
                        "delivery.CourierAvailabilityChanged",
                        "delivery.DeliveryRequested",
                        "delivery.DeliveryScheduled",
                        "delivery.DeliveryDelivered",
                        "delivery.DeliveryCancelled");
    }
}
