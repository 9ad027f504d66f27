package dev.cairn.restaurant.systemtests;

import static dev.cairn.restaurant.systemtests.ErrorAssertions.assertError;
import static dev.cairn.restaurant.systemtests.support.RestaurantApi.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.restaurant.systemtests.support.Http;
import dev.cairn.restaurant.systemtests.support.Reply;
import dev.cairn.restaurant.systemtests.support.RestaurantApi;
import dev.cairn.restaurant.systemtests.support.RestaurantApi.Restaurant;
import dev.cairn.restaurant.systemtests.support.WithSharedSystem;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error of the contract and every kind of bad input, over HTTP: each is answered with the
 * contract's status and {@code {"error","message"}} naming the field or rule, and appends nothing
 * (the log's head, read through {@code /api/events}, does not move, and no processor has anything
 * left to do).
 */
class BadInputTest extends WithSharedSystem {

    static String consumer;
    static String courier;
    static Restaurant napoli;
    static Restaurant sushi;
    static String approvedOrder;

    @BeforeAll
    static void registerParties() {
        consumer = api.registerConsumer("Grace Hopper");
        courier = api.registerCourier("Carla");
        napoli = api.registerNapoli();
        sushi = api.registerRestaurant("Sushi Bar", item("nigiri", "Salmon Nigiri", 450));
        approvedOrder = api.approvedOrder(consumer, napoli);
    }

    /** Sends the request on a quiet system and asserts the error answer and that the log did not move. */
    static void assertRefused(Supplier<Reply> request, int status, String code, String messageNames) {
        long head = api.settle();
        Reply reply = request.get();
        assertError(reply, status, code, messageNames);
        assertThat(api.events(head)).as("events appended by %s", reply).isEmpty();
        assertThat(api.settle()).as("log head after %s", reply).isEqualTo(head);
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ObjectNode validOrder() {
        ObjectNode body = object().put("consumerId", consumer)
                .put("restaurantId", napoli.restaurantId())
                .put("deliveryAddress", "1 Main Street")
                .put("paymentToken", "tok_visa");
        body.putArray("items").addObject().put("menuItemId", "margherita").put("quantity", 1);
        return body;
    }

    static ObjectNode validRestaurant() {
        ObjectNode body = object().put("name", "Curry House");
        body.putArray("menu")
                .addObject()
                .put("menuItemId", "korma")
                .put("name", "Korma")
                .put("priceCents", 1200);
        return body;
    }

    static ObjectNode with(ObjectNode body, Consumer<ObjectNode> change) {
        ObjectNode copy = body.deepCopy();
        change.accept(copy);
        return copy;
    }

    static ObjectNode firstItem(ObjectNode order) {
        return (ObjectNode) order.get("items").get(0);
    }

    static ObjectNode firstMenuItem(ObjectNode restaurant) {
        return (ObjectNode) restaurant.get("menu").get(0);
    }

    static String future() {
        return Instant.now()
                .plus(1, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    /** Every route that takes a JSON body, with a body it would accept. */
    static Stream<Arguments> routesWithBodies() {
        return Stream.of(
                Arguments.of("/api/consumers", object().put("name", "Ann")),
                Arguments.of("/api/restaurants", validRestaurant()),
                Arguments.of("/api/couriers", object().put("name", "Bo")),
                Arguments.of("/api/couriers/" + courier + "/availability", object().put("available", false)),
                Arguments.of("/api/orders", validOrder()),
                Arguments.of("/api/tickets/" + approvedOrder + "/accept", object().put("readyBy", future())),
                Arguments.of("/api/tickets/" + approvedOrder + "/reject", object().put("reason", "no dough")));
    }

    static Stream<String> routesWithBodiesPaths() {
        return routesWithBodies().map(arguments -> (String) arguments.get()[0]);
    }

    @Nested
    class Malformed_json {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.cairn.restaurant.systemtests.BadInputTest#routesWithBodiesPaths")
        void a_truncated_object_is_400_malformed_json(String path) {
            assertRefused(() -> http.post(path, "{\"name\": \"Ann\""), 400, "MALFORMED_JSON", "not valid JSON");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.cairn.restaurant.systemtests.BadInputTest#routesWithBodiesPaths")
        void text_that_is_not_json_is_400_malformed_json(String path) {
            assertRefused(() -> http.post(path, "name=Ann"), 400, "MALFORMED_JSON", "not valid JSON");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.cairn.restaurant.systemtests.BadInputTest#routesWithBodiesPaths")
        void an_empty_body_is_400(String path) {
            assertRefused(() -> http.post(path, ""), 400, "MALFORMED_JSON", "empty");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"[]", "\"Ann\"", "42", "true", "null"})
        void a_body_that_is_not_an_object_is_400(String body) {
            assertRefused(() -> http.post("/api/consumers", body), 400, "INVALID_BODY", "must be a JSON object");
        }

        @Test
        void trailing_content_after_the_object_is_400() {
            assertRefused(
                    () -> http.post("/api/consumers", "{\"name\":\"Ann\"} {\"name\":\"Bo\"}"),
                    400,
                    "MALFORMED_JSON",
                    "not valid JSON");
        }

        @Test
        void a_duplicate_key_is_400() {
            assertRefused(
                    () -> http.post("/api/consumers", "{\"name\":\"Ann\",\"name\":\"Bo\"}"),
                    400,
                    "MALFORMED_JSON",
                    "name");
        }
    }

    @Nested
    class Wrong_types {

        @Test
        void a_number_for_a_name_is_400_naming_the_field() {
            assertRefused(
                    () -> http.post("/api/consumers", object().put("name", 5)),
                    400,
                    "INVALID_FIELD",
                    "'name' must be a string");
        }

        @Test
        void an_object_for_a_name_is_400_naming_the_field() {
            assertRefused(
                    () -> http.post("/api/couriers", "{\"name\":{\"first\":\"Bo\"}}"), 400, "INVALID_FIELD", "name");
        }

        @Test
        void a_string_for_a_quantity_is_400_naming_its_path() {
            assertRefused(
                    () -> http.post(
                            "/api/orders", with(validOrder(), o -> firstItem(o).put("quantity", "2"))),
                    400,
                    "INVALID_FIELD",
                    "'items[0].quantity' must be a whole number");
        }

        @Test
        void a_fraction_for_a_quantity_is_400_not_rounded() {
            assertRefused(
                    () -> http.post(
                            "/api/orders", with(validOrder(), o -> firstItem(o).put("quantity", 1.5))),
                    400,
                    "INVALID_FIELD",
                    "items[0].quantity");
        }

        @Test
        void a_quantity_beyond_any_int_is_400() {
            assertRefused(
                    () -> http.post(
                            "/api/orders", with(validOrder(), o -> firstItem(o).put("quantity", 99_999_999_999L))),
                    400,
                    "INVALID_FIELD",
                    "items[0].quantity");
        }

        @Test
        void an_object_for_the_items_is_400() {
            assertRefused(
                    () -> http.post("/api/orders", with(validOrder(), o -> o.putObject("items"))),
                    400,
                    "INVALID_FIELD",
                    "items");
        }

        @Test
        void a_number_for_the_consumer_id_is_400() {
            assertRefused(
                    () -> http.post("/api/orders", with(validOrder(), o -> o.put("consumerId", 12))),
                    400,
                    "INVALID_FIELD",
                    "consumerId");
        }

        @Test
        void a_string_for_a_price_is_400() {
            assertRefused(
                    () -> http.post(
                            "/api/restaurants",
                            with(validRestaurant(), r -> firstMenuItem(r).put("priceCents", "12.00"))),
                    400,
                    "INVALID_FIELD",
                    "menu[0].priceCents");
        }

        @Test
        void a_string_for_the_menu_is_400() {
            assertRefused(
                    () -> http.post("/api/restaurants", with(validRestaurant(), r -> r.put("menu", "korma"))),
                    400,
                    "INVALID_FIELD",
                    "menu");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"\"yes\"", "1", "\"true\""})
        void anything_but_a_boolean_for_available_is_400(String value) {
            assertRefused(
                    () -> http.post("/api/couriers/" + courier + "/availability", "{\"available\":" + value + "}"),
                    400,
                    "INVALID_FIELD",
                    "'available' must be true or false");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"1767225600", "\"tomorrow\"", "\"2030-13-01T00:00:00Z\"", "\"2030-01-01\""})
        void anything_but_an_iso_instant_for_ready_by_is_400(String value) {
            assertRefused(
                    () -> http.post("/api/tickets/" + approvedOrder + "/accept", "{\"readyBy\":" + value + "}"),
                    400,
                    "INVALID_FIELD",
                    "'readyBy' must be an ISO-8601 instant");
        }
    }

    @Nested
    class Missing_fields {

        /** The two ways a request leaves a field out; both are the same 400. */
        enum Omission {
            ABSENT {
                @Override
                void apply(ObjectNode body, String field) {
                    body.remove(field);
                }
            },
            NULL {
                @Override
                void apply(ObjectNode body, String field) {
                    body.putNull(field);
                }
            };

            abstract void apply(ObjectNode body, String field);
        }

        static Stream<Arguments> orderFields() {
            return Stream.of("consumerId", "restaurantId", "items", "deliveryAddress", "paymentToken")
                    .flatMap(field -> Stream.of(Omission.values()).map(omission -> Arguments.of(field, omission)));
        }

        /** 400 {@code MISSING_FIELD}, the message naming {@code named}. */
        static void assertMissing(Supplier<Reply> request, String named) {
            assertRefused(request, 400, "MISSING_FIELD", named);
        }

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("orderFields")
        void an_order_without_a_field_or_with_it_null_is_400_naming_it(String field, Omission omission) {
            assertMissing(
                    () -> http.post("/api/orders", with(validOrder(), o -> omission.apply(o, field))),
                    "'" + field + "'");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"menuItemId", "quantity"})
        void an_order_line_without_a_field_is_400_naming_its_path(String field) {
            assertMissing(
                    () -> http.post(
                            "/api/orders", with(validOrder(), o -> firstItem(o).remove(field))),
                    "'items[0]." + field + "'");
        }

        @Test
        void a_null_order_line_is_400_naming_its_path() {
            assertMissing(
                    () -> http.post("/api/orders", with(validOrder(), o -> ((ArrayNode) o.get("items")).addNull())),
                    "items[1]");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"menuItemId", "name", "priceCents"})
        void a_menu_item_without_a_field_is_400_naming_its_path(String field) {
            assertMissing(
                    () -> http.post(
                            "/api/restaurants",
                            with(validRestaurant(), r -> firstMenuItem(r).remove(field))),
                    "'menu[0]." + field + "'");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"name", "menu"})
        void a_restaurant_without_a_field_is_400_naming_it(String field) {
            assertMissing(
                    () -> http.post("/api/restaurants", with(validRestaurant(), r -> r.remove(field))),
                    "'" + field + "'");
        }

        @Test
        void a_consumer_without_a_name_is_400() {
            assertMissing(() -> http.post("/api/consumers", "{}"), "'name'");
        }

        @Test
        void a_courier_without_a_name_is_400() {
            assertMissing(() -> http.post("/api/couriers", "{\"nickname\":\"Bo\"}"), "'name'");
        }

        @Test
        void an_availability_without_available_is_400() {
            assertMissing(() -> http.post("/api/couriers/" + courier + "/availability", "{}"), "'available'");
        }

        @Test
        void an_acceptance_without_ready_by_is_400() {
            assertMissing(() -> http.post("/api/tickets/" + approvedOrder + "/accept", "{}"), "'readyBy'");
        }

        @Test
        void a_rejection_without_a_reason_is_400() {
            assertMissing(() -> http.post("/api/tickets/" + approvedOrder + "/reject", "{}"), "'reason'");
        }
    }

    @Nested
    class Invalid_values {

        @ParameterizedTest(name = "quantity {0}")
        @ValueSource(ints = {0, 101, -1})
        void a_quantity_outside_1_to_100_is_400_naming_quantity(int quantity) {
            assertRefused(
                    () -> http.post(
                            "/api/orders", with(validOrder(), o -> firstItem(o).put("quantity", quantity))),
                    400,
                    "INVALID_FIELD",
                    "quantity must be between 1 and 100, was " + quantity);
        }

        @Test
        void an_order_without_items_is_400() {
            assertRefused(
                    () -> http.post("/api/orders", with(validOrder(), o -> o.putArray("items"))),
                    400,
                    "INVALID_FIELD",
                    "items must hold between 1 and 50 entries, held 0");
        }

        @Test
        void an_order_with_51_items_is_400() {
            assertRefused(
                    () -> http.post("/api/orders", with(validOrder(), o -> {
                        ArrayNode items = o.putArray("items");
                        for (int i = 0; i < 51; i++) {
                            items.addObject().put("menuItemId", "margherita").put("quantity", 1);
                        }
                    })),
                    400,
                    "INVALID_FIELD",
                    "items must hold between 1 and 50 entries, held 51");
        }

        @Test
        void quantities_of_1_and_100_and_50_items_are_accepted() {
            Reply reply = http.post("/api/orders", with(validOrder(), o -> {
                ArrayNode items = o.putArray("items");
                items.addObject().put("menuItemId", "margherita").put("quantity", 1);
                items.addObject().put("menuItemId", "calzone").put("quantity", 100);
                for (int i = 2; i < 50; i++) {
                    items.addObject().put("menuItemId", "margherita").put("quantity", 2);
                }
            }));
            reply.expect(202);
            assertThat(api.awaitState(reply.text("orderId"), "APPROVED").totalCents())
                    .isEqualTo(1000 + 100 * 1300 + 48 * 2 * 1000);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"deliveryAddress", "paymentToken", "consumerId"})
        void a_blank_order_field_is_400_naming_it(String field) {
            assertRefused(
                    () -> http.post("/api/orders", with(validOrder(), o -> o.put(field, "  "))),
                    400,
                    "INVALID_FIELD",
                    field + " must not be blank");
        }

        @Test
        void an_id_over_100_characters_is_400() {
            assertRefused(
                    () -> http.post("/api/orders", with(validOrder(), o -> o.put("consumerId", "c".repeat(101)))),
                    400,
                    "INVALID_FIELD",
                    "consumerId must be at most 100 characters");
        }

        @Test
        void an_id_with_control_characters_is_400() {
            assertRefused(
                    () -> http.post("/api/orders", with(validOrder(), o -> o.put("consumerId", "ann\u0000"))),
                    400,
                    "INVALID_FIELD",
                    "consumerId must not contain control characters");
        }

        @Test
        void a_blank_consumer_name_is_400() {
            assertRefused(
                    () -> http.post("/api/consumers", object().put("name", "")),
                    400,
                    "INVALID_FIELD",
                    "name must not be blank");
        }

        @ParameterizedTest(name = "priceCents {0}")
        @ValueSource(longs = {-1, 10_000_001})
        void a_price_outside_0_to_10_000_000_is_400(long price) {
            assertRefused(
                    () -> http.post(
                            "/api/restaurants",
                            with(validRestaurant(), r -> firstMenuItem(r).put("priceCents", price))),
                    400,
                    "INVALID_FIELD",
                    "priceCents must be between 0 and 10000000");
        }

        @Test
        void an_empty_menu_is_400() {
            assertRefused(
                    () -> http.post("/api/restaurants", with(validRestaurant(), r -> r.putArray("menu"))),
                    400,
                    "INVALID_FIELD",
                    "menu must hold");
        }

        @Test
        void a_menu_listing_an_item_twice_is_400() {
            assertRefused(
                    () -> http.post(
                            "/api/restaurants",
                            with(
                                    validRestaurant(),
                                    r -> ((ArrayNode) r.get("menu"))
                                            .addObject()
                                            .put("menuItemId", "korma")
                                            .put("name", "Korma again")
                                            .put("priceCents", 1))),
                    400,
                    "INVALID_FIELD",
                    "korma more than once");
        }

        @Test
        void a_ready_by_in_the_past_is_400() {
            assertRefused(
                    () -> http.post(
                            "/api/tickets/" + approvedOrder + "/accept",
                            object().put("readyBy", "2020-01-01T00:00:00Z")),
                    400,
                    "INVALID_FIELD",
                    "readyBy must not be in the past");
        }

        @Test
        void a_blank_rejection_reason_is_400() {
            assertRefused(
                    () -> http.post("/api/tickets/" + approvedOrder + "/reject", object().put("reason", " ")),
                    400,
                    "INVALID_FIELD",
                    "reason must not be blank");
        }

        @Test
        void a_path_id_over_100_characters_is_400() {
            assertRefused(
                    () -> api.cancel("o".repeat(101)), 400, "INVALID_FIELD", "orderId must be at most 100 characters");
        }
    }

    @Nested
    class Unknown_resources {

        @ParameterizedTest(name = "GET {0}")
        @ValueSource(
                strings = {
                    "/api/orders/no-such-order",
                    "/api/consumers/no-such-consumer",
                    "/api/restaurants/no-such-restaurant"
                })
        void reading_an_unknown_resource_is_404(String path) {
            assertRefused(() -> http.get(path), 404, "NOT_FOUND", path);
        }

        /** A command on an order id nothing has: the error names the resource the command is about. */
        record OnUnknownOrder(String command, BiFunction<RestaurantApi, String, Reply> send, String code) {

            @Override
            public String toString() {
                return command;
            }
        }

        static Stream<OnUnknownOrder> commandsOnAnUnknownOrder() {
            return Stream.of(
                    new OnUnknownOrder("cancel", RestaurantApi::cancel, "ORDER_NOT_FOUND"),
                    new OnUnknownOrder("accept", RestaurantApi::accept, "TICKET_NOT_FOUND"),
                    new OnUnknownOrder("reject", RestaurantApi::reject, "TICKET_NOT_FOUND"),
                    new OnUnknownOrder("preparing", RestaurantApi::preparing, "TICKET_NOT_FOUND"),
                    new OnUnknownOrder("ready", RestaurantApi::ready, "TICKET_NOT_FOUND"),
                    new OnUnknownOrder("pickup", RestaurantApi::pickup, "DELIVERY_NOT_FOUND"),
                    new OnUnknownOrder("deliver", RestaurantApi::deliver, "DELIVERY_NOT_FOUND"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("commandsOnAnUnknownOrder")
        void a_command_on_an_unknown_order_is_404(OnUnknownOrder command) {
            assertRefused(() -> command.send().apply(api, "no-such-order"), 404, command.code(), "no-such-order");
        }

        @Test
        void setting_the_availability_of_an_unknown_courier_is_404() {
            assertRefused(
                    () -> api.setAvailability("no-such-courier", true), 404, "COURIER_NOT_FOUND", "no-such-courier");
        }

        @Test
        void an_unknown_path_is_404_in_the_same_shape() {
            assertRefused(() -> http.get("/api/nothing-here"), 404, "NOT_FOUND", "/api/nothing-here");
        }
    }

    @Nested
    class Unknown_references {

        static Stream<Arguments> unknownReferences() {
            return Stream.of(
                    Arguments.of(
                            "an order at an unknown restaurant",
                            (Consumer<ObjectNode>) o -> o.put("restaurantId", "no-such-restaurant"),
                            "UNKNOWN_RESTAURANT",
                            "no-such-restaurant"),
                    Arguments.of(
                            "an order of an item not on the menu",
                            (Consumer<ObjectNode>) o -> firstItem(o).put("menuItemId", "hamburger"),
                            "MENU_ITEM_UNAVAILABLE",
                            "hamburger"),
                    Arguments.of(
                            "an order of another restaurant's item",
                            (Consumer<ObjectNode>) o -> firstItem(o).put("menuItemId", "nigiri"),
                            "MENU_ITEM_UNAVAILABLE",
                            "nigiri"));
        }

        @ParameterizedTest(name = "{0} is 422")
        @MethodSource("unknownReferences")
        void is_422(String name, Consumer<ObjectNode> change, String code, String messageNames) {
            assertRefused(() -> http.post("/api/orders", with(validOrder(), change)), 422, code, messageNames);
        }
    }

    @Nested
    class Body_limits {

        /** A consumer body padded with spaces to exactly {@code size} bytes. */
        static String consumerBodyOf(int size) {
            String json = "{\"name\":\"Ann\"}";
            return json.substring(0, json.length() - 1) + " ".repeat(size - json.length()) + "}";
        }

        /** The 413 of a body over the 64 KiB limit, which the message states in bytes. */
        static void assertTooLarge(Supplier<Reply> request) {
            assertRefused(request, 413, "PAYLOAD_TOO_LARGE", "65536 bytes");
        }

        @Test
        void a_body_over_64_kib_is_413() {
            assertTooLarge(() -> http.post("/api/consumers", consumerBodyOf(64 * 1024 + 1)));
        }

        @Test
        void a_body_of_exactly_64_kib_is_accepted() {
            http.post("/api/consumers", consumerBodyOf(64 * 1024)).expect(201);
        }

        @Test
        void an_order_over_64_kib_is_413() {
            assertTooLarge(() ->
                    http.post("/api/orders", with(validOrder(), o -> o.put("deliveryAddress", "x".repeat(70_000)))));
        }

        @Test
        void a_chunked_body_over_64_kib_without_a_declared_length_is_413() {
            byte[] body = consumerBodyOf(200_000).getBytes(StandardCharsets.UTF_8);
            assertTooLarge(() -> http.post(
                    "/api/consumers",
                    Http.APPLICATION_JSON,
                    BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        }

        @Test
        void an_oversized_body_on_a_command_without_one_is_413() {
            assertTooLarge(() -> http.post(
                    "/api/orders/" + approvedOrder + "/cancel",
                    Http.APPLICATION_JSON,
                    BodyPublishers.ofString(consumerBodyOf(70_000))));
        }
    }

    @Nested
    class Content_types {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.cairn.restaurant.systemtests.BadInputTest#routesWithBodies")
        void a_text_plain_body_is_415(String path, ObjectNode validBody) {
            assertRefused(
                    () -> http.post(path, "text/plain", BodyPublishers.ofString(validBody.toString())),
                    415,
                    "UNSUPPORTED_MEDIA_TYPE",
                    "text/plain");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.cairn.restaurant.systemtests.BadInputTest#routesWithBodies")
        void a_body_without_a_content_type_is_415(String path, ObjectNode validBody) {
            assertRefused(
                    () -> http.post(path, null, BodyPublishers.ofString(validBody.toString())),
                    415,
                    "UNSUPPORTED_MEDIA_TYPE",
                    "Content-Type");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "application/xml",
                    "application/x-www-form-urlencoded",
                    "application/json; charset=iso-8859-1"
                })
        void a_json_body_under_another_content_type_is_415(String contentType) {
            assertRefused(
                    () -> http.post("/api/consumers", contentType, BodyPublishers.ofString("{\"name\":\"Ann\"}")),
                    415,
                    "UNSUPPORTED_MEDIA_TYPE",
                    contentType);
        }

        @Test
        void json_with_a_utf_8_charset_is_accepted() {
            Reply reply = http.post(
                    "/api/consumers", "application/json; charset=UTF-8", BodyPublishers.ofString("{\"name\":\"Zoë\"}"));
            String id = reply.expect(201).text("consumerId");
            assertThat(http.get("/api/consumers/" + id + "?consistentWith=" + reply.text("position"))
                            .expect(200)
                            .text("name"))
                    .isEqualTo("Zoë");
        }

        @Test
        void a_text_body_on_a_command_that_takes_none_is_415() {
            assertRefused(
                    () -> http.post(
                            "/api/orders/" + approvedOrder + "/cancel",
                            "text/plain",
                            BodyPublishers.ofString("please")),
                    415,
                    "UNSUPPORTED_MEDIA_TYPE",
                    "text/plain");
        }
    }

    @Nested
    class Consistency_tokens {

        @ParameterizedTest(name = "consistentWith={0}")
        @ValueSource(strings = {"abc", "-1", "1.5", "99999999999999999999"})
        void an_invalid_token_on_a_query_is_400_naming_the_parameter(String token) {
            assertRefused(
                    () -> http.get("/api/orders/" + approvedOrder + "?consistentWith=" + token),
                    400,
                    "INVALID_PARAMETER",
                    "consistentWith");
        }

        @ParameterizedTest(name = "consistentWith={0}")
        @ValueSource(strings = {"abc", "-1"})
        void an_invalid_token_on_a_command_is_400_and_runs_nothing(String token) {
            assertRefused(
                    () -> http.post("/api/consumers?consistentWith=" + token, object().put("name", "Ann")),
                    400,
                    "INVALID_PARAMETER",
                    "consistentWith");
        }

        @Test
        void a_token_the_log_does_not_reach_within_5_seconds_is_503_and_the_command_runs_nothing() {
            long unreachable = api.settle() + 1_000_000;
            assertRefused(
                    () -> http.post("/api/consumers?consistentWith=" + unreachable, object().put("name", "Ann")),
                    503,
                    "CONSISTENCY_TIMEOUT",
                    String.valueOf(unreachable));
        }
    }

    @Nested
    class Query_parameters {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"limit=0", "limit=101", "limit=ten"})
        void an_invalid_limit_is_400_naming_it(String query) {
            assertRefused(() -> http.get("/api/orders?" + query), 400, "INVALID_FIELD", "limit");
        }

        @Test
        void an_unknown_state_is_400_listing_the_states() {
            assertRefused(
                    () -> http.get("/api/orders?state=DELIVERED"),
                    400,
                    "INVALID_FIELD",
                    "state must be one of APPROVAL_PENDING");
        }

        @Test
        void a_cursor_the_service_did_not_issue_is_400() {
            assertRefused(() -> http.get("/api/orders?cursor=bm90LWEtY3Vyc29y"), 400, "INVALID_FIELD", "cursor");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"after=x", "after=-5", "limit=0", "limit=1001", "limit=many"})
        void an_invalid_event_log_parameter_is_400_naming_it(String query) {
            assertRefused(
                    () -> http.get("/api/events?" + query),
                    400,
                    "INVALID_PARAMETER",
                    query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void no_kind_of_garbage_yields_a_server_error_or_an_event() {
        String[] garbage = {
            "{\"name\":\"Ann\"",
            "{\"items\":[[[[[[[[[[]]]]]]]]]]}",
            "{\"quantity\":1e309}",
            "\u0000\u0001",
            "{\"name\":\"Ann\",}",
            "{'name':'Ann'}",
            "{\"readyBy\":null,\"available\":null}",
            "[" + "[".repeat(2000)
        };
        long head = api.settle();
        for (String path : routesWithBodiesPaths().toList()) {
            for (String body : garbage) {
                Reply reply = http.post(path, body);
                assertThat(reply.status()).as("%s", reply).isBetween(400, 499);
                assertError(reply, reply.status(), null, "");
            }
        }
        assertThat(api.events(head)).isEmpty();
        assertThat(api.settle()).isEqualTo(head);
    }
}
