package dev.cairn.restaurant.systemtests;

import static dev.cairn.restaurant.systemtests.support.RestaurantApi.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.restaurant.systemtests.support.Http;
import dev.cairn.restaurant.systemtests.support.RestaurantApi;
import dev.cairn.restaurant.systemtests.support.RestaurantApi.Event;
import dev.cairn.restaurant.systemtests.support.RestaurantApi.Restaurant;
import dev.cairn.restaurant.systemtests.support.TestSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redelivery end to end: after every flow has run, every processor (views, replicas, reactions,
 * process managers) is reset and replays the whole log from zero. Reactions send their commands a
 * second time and process managers decide again; none of it may append an event, and every view
 * must be rebuilt exactly as it was.
 */
class RedeliveryTest {

    TestSystem system;
    RestaurantApi api;
    Http http;
    final List<String> consumers = new ArrayList<>();
    final List<String> orders = new ArrayList<>();

    @BeforeEach
    void start() {
        system = TestSystem.start();
        api = system.api();
        http = system.http();
    }

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void replaying_every_processor_from_zero_appends_nothing_and_rebuilds_every_view_as_it_was() throws Exception {
        runEveryFlow();
        long head = api.settle();
        List<Event> log = api.events();
        Map<String, JsonNode> before = snapshot();

        List<TrackingProcessor> processors = system.system().processors();
        processors.forEach(TrackingProcessor::stop);
        for (TrackingProcessor processor : processors) {
            processor.reset();
        }
        // Truly from zero: every processor forgot its progress and the views are empty.
        assertThat(processors)
                .allSatisfy(p -> assertThat(p.position()).as(p.name()).isZero());
        assertThat(http.get("/api/orders").expect(200).json().get("orders")).isEmpty();
        assertThat(http.get("/api/orders/" + orders.getFirst()).status()).isEqualTo(404);
        assertThat(http.get("/api/restaurants").expect(200).json().get("restaurants"))
                .isEmpty();
        processors.forEach(TrackingProcessor::start);

        assertThat(api.settle()).as("log head after the replay").isEqualTo(head);
        assertThat(api.events()).as("the log after the replay").isEqualTo(log);
        Map<String, JsonNode> after = snapshot();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String key : before.keySet()) {
            assertThat(after.get(key)).as(key).isEqualTo(before.get(key));
        }
    }

    /** Every answer a client can get from the read side, by request. */
    private Map<String, JsonNode> snapshot() {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>(List.of("/api/orders?limit=100", "/api/restaurants", "/api/processors"));
        orders.forEach(id -> paths.add("/api/orders/" + id));
        for (String consumer : consumers) {
            paths.add("/api/consumers/" + consumer);
            paths.add("/api/orders?consumerId=" + consumer + "&limit=100");
            paths.add("/api/orders?consumerId=" + consumer + "&limit=2");
            for (String state : List.of("APPROVED", "REJECTED", "CANCELLED")) {
                paths.add("/api/orders?consumerId=" + consumer + "&state=" + state);
            }
        }
        paths.add("/api/orders?q=sushi");
        for (String path : paths) {
            answers.put(path, http.get(path).expect(200).json());
        }
        assertThat(answers.get("/api/orders?limit=100").get("orders")).hasSize(orders.size());
        return answers;
    }

    /** Leaves orders in every end and intermediate state the flows can reach. */
    private void runEveryFlow() throws Exception {
        String ada = consumer("Ada");
        String bob = consumer("Bob");
        Restaurant napoli = api.registerRestaurant(
                "Pizzeria Napoli", item("margherita", "Margherita", 1000), item("calzone", "Calzone", 1300));
        Restaurant sushi = api.registerRestaurant("Sushi Bar", item("nigiri", "Salmon Nigiri", 450));
        String carla = api.registerCourier("Carla");

        order(api.approvedOrder(ada, napoli));
        order(api.placeOrder("unknown-consumer", napoli).orderId());
        order(api.placeOrder(bob, sushi, "tok_declined").orderId());

        String delivered = order(api.acceptedOrder(ada, sushi));
        api.preparing(delivered).expect(202);
        api.ready(delivered).expect(202);
        api.settle();
        api.pickup(delivered).expect(202);
        api.deliver(delivered).expect(202);

        String scheduled = order(api.acceptedOrder(bob, napoli));
        String waiting = order(api.acceptedOrder(ada, napoli));
        api.settle();
        api.registerCourier("Dan");
        String cancelledWithDelivery = order(api.acceptedOrder(bob, sushi));
        api.settle();
        api.setAvailability(carla, false).expect(202);

        String rejected = order(api.approvedOrder(ada, sushi));
        api.reject(rejected).expect(202);
        String cancelled = order(api.approvedOrder(bob, napoli));
        api.cancel(cancelled).expect(202);
        api.cancel(cancelledWithDelivery).expect(202);

        // The kitchen refuses a cancellation ordering could not refuse itself: its replica was held back.
        String refused = order(api.acceptedOrder(ada, napoli));
        system.withProcessorStopped("ordering.preparation-replica", () -> {
            api.preparing(refused).expect(202);
            api.cancel(refused).expect(202);
            await().atMost(RestaurantApi.PATIENCE)
                    .until(() -> api.typesOfOrder(refused).contains("ordering.OrderCancellationRefused"));
        });
        api.settle();

        // Every kind of outcome is in the log, so the replay really exercises each reaction and process manager.
        List<String> types = api.events().stream().map(Event::type).distinct().toList();
        assertThat(types)
                .contains(
                        "ordering.OrderApproved",
                        "consumers.ConsumerVerificationFailed",
                        "accounting.PaymentDeclined",
                        "delivery.DeliveryDelivered",
                        "kitchen.TicketRejected",
                        "ordering.OrderCancelled",
                        "delivery.DeliveryCancelled",
                        "kitchen.TicketCancellationRefused",
                        "ordering.OrderCancellationRefused",
                        "delivery.CourierAvailabilityChanged");
        assertThat(api.order(scheduled).deliveryState()).isEqualTo("SCHEDULED");
        assertThat(api.order(waiting).deliveryState()).isIn("SCHEDULED", "PENDING");
    }

    private String consumer(String name) {
        String id = api.registerConsumer(name);
        consumers.add(id);
        return id;
    }

    private String order(String id) {
        orders.add(id);
        return id;
    }
}
