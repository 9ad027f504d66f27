package dev.cairn.restaurant.systemtests;

import static dev.cairn.restaurant.systemtests.ErrorAssertions.assertError;
import static dev.cairn.restaurant.systemtests.support.RestaurantApi.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.restaurant.systemtests.support.Http;
import dev.cairn.restaurant.systemtests.support.OrderStream;
import dev.cairn.restaurant.systemtests.support.Reply;
import dev.cairn.restaurant.systemtests.support.RestaurantApi;
import dev.cairn.restaurant.systemtests.support.RestaurantApi.Event;
import dev.cairn.restaurant.systemtests.support.RestaurantApi.Placed;
import dev.cairn.restaurant.systemtests.support.RestaurantApi.Restaurant;
import dev.cairn.restaurant.systemtests.support.View;
import dev.cairn.restaurant.systemtests.support.WithSharedSystem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The query side of the contract over HTTP: read-your-writes with {@code consistentWith}, the
 * {@code Cairn-Position} header, restaurants and consumers, the event log, the processors, the
 * live stream, health. Order listing has a class of its own ({@link OrderListingTest}).
 */
class QueriesTest extends WithSharedSystem {

    static String ada;
    static Restaurant napoli;
    static Restaurant sushi;

    @BeforeAll
    static void registerParties() {
        ada = api.registerConsumer("Ada Lovelace");
        napoli = api.registerNapoli();
        sushi = api.registerSushiBar();
    }

    /** {@code request} stays unanswered: the processor its position waits for is stopped. */
    static void assertStillWaiting(CompletableFuture<Reply> request) {
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !request.isDone());
    }

    @Nested
    class Read_your_writes {

        @Test
        void a_query_consistent_with_a_commands_position_sees_its_effect() {
            Placed placed = api.placeOrder(ada, napoli);

            Reply reply = http.get("/api/orders/" + placed.orderId() + "?consistentWith=" + placed.position())
                    .expect(200);

            assertThat(reply.as(View.class).orderId()).isEqualTo(placed.orderId());
            assertThat(reply.cairnPosition()).isGreaterThanOrEqualTo(placed.position());
        }

        @Test
        void a_cancel_is_visible_at_once_to_a_query_consistent_with_it() {
            String order = api.approvedOrder(ada, napoli);
            Reply cancel = api.cancel(order).expect(202);
            assertThat(cancel.text("orderId")).isEqualTo(order);

            View view = http.get("/api/orders/" + order + "?consistentWith=" + cancel.text("position"))
                    .expect(200)
                    .as(View.class);

            assertThat(view.state()).isIn("CANCEL_PENDING", "CANCELLED");
        }

        @Test
        void a_new_consumer_and_restaurant_are_readable_consistent_with_their_registration() {
            Reply consumer =
                    http.post("/api/consumers", Map.of("name", "Alan Turing")).expect(201);
            Reply restaurant = http.post(
                            "/api/restaurants",
                            Map.of(
                                    "name",
                                    "Taqueria",
                                    "menu",
                                    List.of(Map.of("menuItemId", "taco", "name", "Taco", "priceCents", 350))))
                    .expect(201);

            Reply readConsumer = http.get(
                    "/api/consumers/" + consumer.text("consumerId") + "?consistentWith=" + consumer.text("position"));
            Reply readRestaurant = http.get("/api/restaurants/" + restaurant.text("restaurantId") + "?consistentWith="
                    + restaurant.text("position"));
            Reply list = http.get("/api/restaurants?consistentWith=" + restaurant.text("position"));

            assertThat(readConsumer.expect(200).text("name")).isEqualTo("Alan Turing");
            assertThat(readRestaurant.expect(200).text("name")).isEqualTo("Taqueria");
            assertThat(list.expect(200).json().get("restaurants").findValuesAsText("restaurantId"))
                    .contains(restaurant.text("restaurantId"));
        }

        @Test
        void a_query_waits_for_a_view_that_is_behind_instead_of_answering_stale() throws Exception {
            system.withProcessorStopped("order-history.view", () -> {
                Placed placed = api.placeOrder(ada, napoli);

                Reply stale = http.get("/api/orders/" + placed.orderId());
                assertError(stale, 404, "NOT_FOUND", placed.orderId());
                assertThat(stale.cairnPosition()).isLessThan(placed.position());

                CompletableFuture<Reply> consistent =
                        http.getAsync("/api/orders/" + placed.orderId() + "?consistentWith=" + placed.position());
                assertStillWaiting(consistent);

                system.processor("order-history.view").start();
                Reply reply = consistent.get();
                assertThat(reply.expect(200).as(View.class).orderId()).isEqualTo(placed.orderId());
                assertThat(reply.cairnPosition()).isGreaterThanOrEqualTo(placed.position());
            });
        }

        @Test
        void a_query_whose_view_stays_behind_for_5_seconds_is_503_with_retry_after() throws Exception {
            system.withProcessorStopped("order-history.view", () -> {
                Placed placed = api.placeOrder(ada, napoli);

                Reply reply = http.get("/api/orders/" + placed.orderId() + "?consistentWith=" + placed.position());

                assertError(reply, 503, "CONSISTENCY_TIMEOUT", String.valueOf(placed.position()));
                assertThat(reply.header("Retry-After")).isPresent();
            });
        }

        @Test
        void a_command_consistent_with_a_registration_waits_for_the_replica_it_prices_against() throws Exception {
            system.withProcessorStopped("ordering.menu-replica", () -> {
                Restaurant thai = api.registerRestaurant("Thai Garden", item("padthai", "Pad Thai", 1100));
                Map<String, Object> order =
                        RestaurantApi.orderBody(ada, thai.restaurantId(), "tok_visa", RestaurantApi.line("padthai", 1));

                // Without consistentWith the replica does not know the restaurant yet.
                long head = api.settleExcept("ordering.menu-replica");
                assertError(http.post("/api/orders", order), 422, "UNKNOWN_RESTAURANT", thai.restaurantId());
                assertThat(api.events(head)).isEmpty();

                CompletableFuture<Reply> consistent =
                        http.postAsync("/api/orders?consistentWith=" + thai.position(), order);
                assertStillWaiting(consistent);

                system.processor("ordering.menu-replica").start();
                String orderId = consistent.get().expect(202).text("orderId");
                assertThat(api.awaitState(orderId, "APPROVED").restaurantName()).isEqualTo("Thai Garden");
            });
        }
    }

    @Nested
    class Command_replies {

        static void assertReply(Reply reply, int status, String idField) {
            assertThat(reply.status()).as("%s", reply).isEqualTo(status);
            List<String> fields = new ArrayList<>();
            reply.json().fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as("%s", reply).containsExactly(idField, "position");
            assertThat(reply.text(idField)).isNotBlank();
            assertThat(reply.text("position")).as("%s", reply).matches("[0-9]+");
        }

        @Test
        void creations_answer_201_and_other_commands_202_each_with_its_id_and_position() {
            assertReply(http.post("/api/consumers", Map.of("name", "Edsger")), 201, "consumerId");
            assertReply(
                    http.post(
                            "/api/restaurants",
                            Map.of(
                                    "name",
                                    "Bistro",
                                    "menu",
                                    List.of(Map.of("menuItemId", "soup", "name", "Soup", "priceCents", 500)))),
                    201,
                    "restaurantId");
            Reply courier = http.post("/api/couriers", Map.of("name", "Dora"));
            assertReply(courier, 201, "courierId");
            assertReply(api.setAvailability(courier.text("courierId"), false), 202, "courierId");
            assertThat(api.setAvailability(courier.text("courierId"), false).text("courierId"))
                    .isEqualTo(courier.text("courierId"));

            Reply order = http.post(
                    "/api/orders?consistentWith=" + napoli.position(),
                    RestaurantApi.orderBody(ada, napoli.restaurantId(), "tok_visa", RestaurantApi.line("calzone", 1)));
            assertReply(order, 202, "orderId");
            String id = order.text("orderId");
            api.awaitState(id, "APPROVED");
            for (Reply reply : List.of(api.accept(id), api.preparing(id), api.ready(id))) {
                assertReply(reply, 202, "orderId");
                assertThat(reply.text("orderId")).isEqualTo(id);
            }
            String other = api.approvedOrder(ada, napoli);
            assertReply(api.reject(other), 202, "orderId");
            String third = api.approvedOrder(ada, napoli);
            assertReply(api.cancel(third), 202, "orderId");
        }

        @Test
        void a_command_that_changes_nothing_answers_a_position_the_log_has_reached() {
            String order = api.approvedOrder(ada, napoli);
            api.accept(order).expect(202);
            long head = api.settle();

            Reply again = api.accept(order).expect(202);
            Reply repeat = api.accept(order);

            assertThat(Long.parseLong(again.text("position"))).isLessThanOrEqualTo(head);
            assertThat(repeat.text("position")).isEqualTo(again.text("position"));
            assertThat(http.get("/api/orders/" + order + "?consistentWith=" + again.text("position"))
                            .expect(200)
                            .as(View.class)
                            .ticketState())
                    .isEqualTo("ACCEPTED");
        }
    }

    @Nested
    class Cairn_position {

        @Test
        void every_query_carries_the_log_position_its_view_has_processed() {
            String order = api.approvedOrder(ada, napoli);
            long head = api.settle();

            for (String path : List.of(
                    "/api/orders/" + order,
                    "/api/orders",
                    "/api/orders?consumerId=" + ada,
                    "/api/restaurants",
                    "/api/restaurants/" + napoli.restaurantId(),
                    "/api/consumers/" + ada)) {
                Reply reply = http.get(path).expect(200);
                assertThat(reply.header("Cairn-Position")).as(path).hasValue(Long.toString(head));
            }
        }

        @Test
        void the_position_of_a_command_is_the_log_position_of_what_it_appended() {
            Placed placed = api.placeOrder(ada, sushi);

            List<Event> events = api.stream("order-" + placed.orderId());

            assertThat(events.getFirst().type()).isEqualTo("ordering.OrderCreated");
            assertThat(events.getFirst().position()).isEqualTo(placed.position());
        }
    }

    @Nested
    class Order_view {

        @Test
        void has_exactly_the_contracts_fields_with_absent_states_as_json_null() {
            String order = api.approvedOrder(ada, napoli);
            api.settle();

            JsonNode view = http.get("/api/orders/" + order).expect(200).json();

            List<String> fields = new ArrayList<>();
            view.fieldNames().forEachRemaining(fields::add);
            assertThat(fields)
                    .containsExactlyInAnyOrder(
                            "orderId",
                            "consumerId",
                            "restaurantId",
                            "restaurantName",
                            "items",
                            "totalCents",
                            "state",
                            "reason",
                            "ticketState",
                            "paymentState",
                            "deliveryState",
                            "courierId",
                            "createdAt",
                            "updatedAt");
            assertThat(view.get("reason").isNull()).isTrue();
            assertThat(view.get("deliveryState").isNull()).isTrue();
            assertThat(view.get("courierId").isNull()).isTrue();
            assertThat(view.get("totalCents").isIntegralNumber()).isTrue();
            assertThat(Instant.parse(view.get("createdAt").asText()))
                    .isBeforeOrEqualTo(Instant.parse(view.get("updatedAt").asText()));
            List<String> itemFields = new ArrayList<>();
            view.get("items").get(0).fieldNames().forEachRemaining(itemFields::add);
            assertThat(itemFields).containsExactlyInAnyOrder("menuItemId", "name", "quantity", "priceCents");
        }
    }

    @Nested
    class Restaurants_and_consumers {

        @Test
        void lists_every_restaurant_with_its_menu() {
            api.settle();

            JsonNode restaurants =
                    http.get("/api/restaurants").expect(200).json().get("restaurants");

            assertThat(restaurants.findValuesAsText("restaurantId"))
                    .contains(napoli.restaurantId(), sushi.restaurantId());
            for (JsonNode restaurant : restaurants) {
                if (restaurant.get("restaurantId").asText().equals(sushi.restaurantId())) {
                    assertThat(Http.map(restaurant))
                            .isEqualTo(Map.of(
                                    "restaurantId",
                                    sushi.restaurantId(),
                                    "name",
                                    "Sushi Bar",
                                    "menu",
                                    List.of(
                                            Map.of(
                                                    "menuItemId",
                                                    "nigiri",
                                                    "name",
                                                    "Salmon Nigiri",
                                                    "priceCents",
                                                    450,
                                                    "available",
                                                    true),
                                            Map.of(
                                                    "menuItemId",
                                                    "miso",
                                                    "name",
                                                    "Miso Soup",
                                                    "priceCents",
                                                    300,
                                                    "available",
                                                    true))));
                }
            }
        }

        @Test
        void finds_one_restaurant_with_its_menu() {
            api.settle();

            JsonNode restaurant = http.get("/api/restaurants/" + napoli.restaurantId())
                    .expect(200)
                    .json();

            assertThat(Http.map(restaurant))
                    .isEqualTo(Map.of(
                            "restaurantId",
                            napoli.restaurantId(),
                            "name",
                            "Pizzeria Napoli",
                            "menu",
                            List.of(
                                    Map.of(
                                            "menuItemId",
                                            "margherita",
                                            "name",
                                            "Margherita",
                                            "priceCents",
                                            1000,
                                            "available",
                                            true),
                                    Map.of(
                                            "menuItemId",
                                            "calzone",
                                            "name",
                                            "Calzone",
                                            "priceCents",
                                            1300,
                                            "available",
                                            true))));
        }

        @Test
        void finds_a_consumer_by_id() {
            api.settle();

            JsonNode consumer = http.get("/api/consumers/" + ada).expect(200).json();

            assertThat(Http.map(consumer)).isEqualTo(Map.of("consumerId", ada, "name", "Ada Lovelace", "active", true));
        }
    }

    @Nested
    class Event_log {

        @Test
        void pages_through_the_whole_log_oldest_first() {
            api.approvedOrder(ada, sushi);
            long head = api.settle();

            List<Long> positions = new ArrayList<>();
            long after = 0;
            while (true) {
                JsonNode page = http.get("/api/events?limit=7&after=" + after)
                        .expect(200)
                        .json();
                JsonNode events = page.get("events");
                assertThat(events.size()).isLessThanOrEqualTo(7);
                if (events.isEmpty()) {
                    assertThat(page.get("next").asText())
                            .as("next of an empty page")
                            .isEqualTo(Long.toString(after));
                    break;
                }
                events.forEach(
                        e -> positions.add(Long.parseLong(e.get("position").asText())));
                assertThat(page.get("next").asText())
                        .isEqualTo(events.get(events.size() - 1).get("position").asText());
                after = Long.parseLong(page.get("next").asText());
            }
            assertThat(positions).isSorted().doesNotHaveDuplicates().first().isEqualTo(1L);
            assertThat(positions.getLast()).isEqualTo(head);
        }

        @Test
        void describes_each_event_with_its_stream_version_type_time_data_and_metadata() {
            Placed placed = api.placeOrder(ada, napoli);

            JsonNode event = http.get("/api/events?limit=1&after=" + (placed.position() - 1))
                    .expect(200)
                    .json()
                    .get("events")
                    .get(0);

            List<String> fields = new ArrayList<>();
            event.fieldNames().forEachRemaining(fields::add);
            assertThat(fields)
                    .containsExactly("position", "streamId", "version", "type", "recordedAt", "data", "metadata");
            assertThat(event.get("position").asText()).isEqualTo(Long.toString(placed.position()));
            assertThat(event.get("streamId").asText()).isEqualTo("order-" + placed.orderId());
            assertThat(event.get("version").asLong()).isZero();
            assertThat(event.get("type").asText()).isEqualTo("ordering.OrderCreated");
            assertThat(Instant.parse(event.get("recordedAt").asText())).isBeforeOrEqualTo(Instant.now());
            assertThat(event.get("data").get("orderId").asText()).isEqualTo(placed.orderId());
            assertThat(event.get("data").get("consumerId").asText()).isEqualTo(ada);
            assertThat(event.get("metadata").has("eventId")).isTrue();
            assertThat(event.get("metadata").has("correlationId")).isTrue();
            assertThat(event.get("metadata").has("causationId")).isTrue();
        }

        @Test
        void filters_by_stream_and_pages_within_it() {
            api.registerCourier("Carla");
            String order = api.acceptedOrder(ada, napoli);
            api.settle();

            List<Event> ticket = api.stream("ticket-" + order);
            assertThat(ticket)
                    .extracting(Event::type)
                    .containsExactly("kitchen.TicketCreated", "kitchen.TicketConfirmed", "kitchen.TicketAccepted");
            assertThat(ticket).extracting(Event::version).containsExactly(0L, 1L, 2L);
            assertThat(ticket).extracting(Event::streamId).containsOnly("ticket-" + order);

            JsonNode page = http.get("/api/events?stream=ticket-" + order + "&limit=1&after="
                            + ticket.getFirst().position())
                    .expect(200)
                    .json();
            assertThat(page.get("events")).hasSize(1);
            assertThat(page.get("events").get(0).get("type").asText()).isEqualTo("kitchen.TicketConfirmed");
            assertThat(page.get("next").asText())
                    .isEqualTo(Long.toString(ticket.get(1).position()));
        }

        @Test
        void an_unknown_stream_is_an_empty_page() {
            JsonNode page = http.get("/api/events?stream=order-no-such-order")
                    .expect(200)
                    .json();

            assertThat(page.get("events")).isEmpty();
            assertThat(page.get("next").asText()).isEqualTo("0");
        }
    }

    @Nested
    class Processors {

        @Test
        void lists_every_processor_with_its_name_position_lag_parked_count_and_whether_it_runs() {
            long head = api.settle();

            JsonNode processors = http.get("/api/processors").expect(200).json();

            assertThat(processors.isArray()).isTrue();
            assertThat(processors.findValuesAsText("name"))
                    .containsExactlyInAnyOrder(
                            "consumers.directory",
                            "consumers.verify-orders",
                            "restaurants.catalog",
                            "ordering.menu-replica",
                            "ordering.preparation-replica",
                            "ordering.reactions",
                            "kitchen.reactions",
                            "accounting.authorize-payments",
                            "accounting.reactions",
                            "delivery.ready-replica",
                            "delivery.courier-directory",
                            "delivery.reactions",
                            "delivery.dispatch",
                            "order-history.view");
            for (JsonNode processor : processors) {
                List<String> fields = new ArrayList<>();
                processor.fieldNames().forEachRemaining(fields::add);
                assertThat(fields).containsExactly("name", "position", "lag", "parked", "running");
                assertThat(processor.get("position").asText()).isEqualTo(Long.toString(head));
                assertThat(processor.get("lag").isIntegralNumber()).isTrue();
                assertThat(processor.get("parked").asInt()).isZero();
                assertThat(processor.get("running").asBoolean()).isTrue();
            }
        }

        @Test
        void shows_the_lag_of_a_processor_that_is_behind() throws Exception {
            system.withProcessorStopped("order-history.view", () -> {
                api.placeOrder(ada, napoli);
                long head = system.store().headPosition();

                JsonNode processors = http.get("/api/processors").expect(200).json();

                for (JsonNode processor : processors) {
                    if (processor.get("name").asText().equals("order-history.view")) {
                        long position = Long.parseLong(processor.get("position").asText());
                        assertThat(position).isLessThan(head);
                        assertThat(processor.get("lag").asLong()).isGreaterThanOrEqualTo(head - position);
                    }
                }
            });
        }
    }

    @Nested
    class Live_stream {

        @Test
        void pushes_every_change_of_an_order_view_as_server_sent_events() {
            try (OrderStream stream = OrderStream.open(system.uri(), system.token("admin", null))) {
                assertThat(stream.status()).isEqualTo(200);
                assertThat(stream.contentType()).startsWith("text/event-stream");

                String order = api.approvedOrder(ada, sushi);
                api.settle();
                View last = api.order(order);

                stream.awaitPushed(last);
                assertThat(stream.historyOf(order, View::state)).containsExactly("APPROVAL_PENDING", "APPROVED");
                assertThat(stream.historyOf(order, View::paymentState)).containsExactly(null, "AUTHORIZED");
            }
        }

        @Test
        void pushes_each_change_to_every_connected_client() {
            try (OrderStream first = OrderStream.open(system.uri(), system.token("admin", null));
                    OrderStream second = OrderStream.open(system.uri(), system.token("admin", null))) {
                String order = api.approvedOrder(ada, napoli);
                api.settle();
                View last = api.order(order);

                first.awaitPushed(last);
                second.awaitPushed(last);
                assertThat(first.changesOf(order)).isEqualTo(second.changesOf(order));
            }
        }
    }

    @Nested
    class Health_and_page {

        @Test
        void health_is_up_and_says_it_checks_liveness_only_while_ready_checks_store_and_processors() {
            Reply reply = http.get("/health").expect(200);

            assertThat(Http.map(reply.json())).isEqualTo(Map.of("status", "UP", "checks", "liveness only; see /ready"));
            assertThat(Http.map(http.get("/ready").expect(200).json())).isEqualTo(Map.of("status", "READY"));
        }

        @Test
        void the_root_serves_the_web_page() {
            Reply reply = http.get("/").expect(200);

            assertThat(reply.header("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(reply.body()).containsIgnoringCase("<html");
        }
    }
}
