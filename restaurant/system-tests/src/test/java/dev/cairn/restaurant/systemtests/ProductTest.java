package dev.cairn.restaurant.systemtests;

import static dev.cairn.restaurant.systemtests.ErrorAssertions.assertError;
import static dev.cairn.restaurant.systemtests.support.RestaurantApi.item;
import static dev.cairn.restaurant.systemtests.support.RestaurantApi.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.restaurant.systemtests.support.Http;
import dev.cairn.restaurant.systemtests.support.Reply;
import dev.cairn.restaurant.systemtests.support.RestaurantApi;
import dev.cairn.restaurant.systemtests.support.RestaurantApi.Restaurant;
import dev.cairn.restaurant.systemtests.support.View;
import dev.cairn.restaurant.systemtests.support.WithFreshSystem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * "Completing the product" (restaurant.md) over HTTP: orders end, menus change, people are listed,
 * consumers can be deactivated, and the page learns the currency.
 */
class ProductTest extends WithFreshSystem {

    /** {@code GET /api/<name>} once every view has caught up: the list the answer holds under {@code <name>}. */
    JsonNode listedOnceSettled(String name) {
        long position = api.settle();
        return http.get("/api/" + name + "?consistentWith=" + position)
                .expect(200)
                .json()
                .get(name);
    }

    /** The client as Ada, a consumer. */
    Http asAda() {
        return http.as(system.token("consumer", ada));
    }

    static Map<String, Object> menuItem(String id, String name, long priceCents, boolean available) {
        return Map.of("menuItemId", id, "name", name, "priceCents", priceCents, "available", available);
    }

    Reply reviseMenu(Http as, String restaurantId, Map<String, Object>... items) {
        return as.put("/api/restaurants/" + restaurantId + "/menu", Map.of("menu", List.of(items)));
    }

    @Nested
    class Orders_end {

        @Test
        void a_delivered_order_is_completed_and_its_payment_captured() {
            String carla = api.registerCourier("Carla");
            String order = api.acceptedOrder(ada, pizzeria);
            api.walkToDelivered(order);

            View view = api.awaitState(order, "COMPLETED");
            api.awaitOrder(order, v -> "CAPTURED".equals(v.paymentState()));
            assertThat(view.deliveryState()).isEqualTo("DELIVERED");
            assertThat(view.courierId()).isEqualTo(carla);
        }
    }

    @Nested
    class Menus_change {

        @Test
        void the_next_order_consistent_with_the_revision_is_priced_by_the_new_menu() {
            String position = reviseMenu(
                            http,
                            pizzeria.restaurantId(),
                            menuItem("margherita", "Margherita", 1300, true),
                            menuItem("tiramisu", "Tiramisu", 650, true))
                    .expect(202)
                    .text("position");

            String order = http.post(
                            "/api/orders?consistentWith=" + position,
                            RestaurantApi.orderBody(ada, pizzeria.restaurantId(), "tok_visa", line("margherita", 2)))
                    .expect(202)
                    .text("orderId");

            View view = api.awaitState(order, "APPROVED");
            assertThat(view.totalCents()).isEqualTo(2600);
            assertThat(view.items()).containsExactly(new View.Item("margherita", "Margherita", 2, 1300));
            JsonNode menu = http.get("/api/restaurants/" + pizzeria.restaurantId() + "?consistentWith=" + position)
                    .expect(200)
                    .json();
            assertThat(menu.get("menu").get(0).get("priceCents").asLong()).isEqualTo(1300);
        }

        @Test
        void an_unavailable_or_removed_item_is_422_menu_item_unavailable() {
            String position = reviseMenu(
                            http, pizzeria.restaurantId(), menuItem("margherita", "Margherita", 1150, false))
                    .expect(202)
                    .text("position");

            assertError(
                    http.post(
                            "/api/orders?consistentWith=" + position,
                            RestaurantApi.orderBody(ada, pizzeria.restaurantId(), "tok_visa", line("margherita", 1))),
                    422,
                    "MENU_ITEM_UNAVAILABLE",
                    "margherita");
            assertError(
                    http.post(
                            "/api/orders?consistentWith=" + position,
                            RestaurantApi.orderBody(ada, pizzeria.restaurantId(), "tok_visa", line("tiramisu", 1))),
                    422,
                    "MENU_ITEM_UNAVAILABLE",
                    "tiramisu");
        }

        @Test
        void a_restaurant_revises_its_own_menu_only_and_consumers_none() {
            Restaurant sushi = api.registerRestaurant("Sushi Bar", item("nigiri", "Nigiri", 900));
            Http asPizzeria = http.as(system.token("restaurant", pizzeria.restaurantId()));

            reviseMenu(asPizzeria, pizzeria.restaurantId(), menuItem("margherita", "Margherita", 1200, true))
                    .expect(202);
            assertError(
                    reviseMenu(asPizzeria, sushi.restaurantId(), menuItem("nigiri", "Nigiri", 1, true)),
                    403,
                    "FORBIDDEN",
                    "");
            assertError(
                    reviseMenu(asAda(), pizzeria.restaurantId(), menuItem("margherita", "Margherita", 1, true)),
                    403,
                    "FORBIDDEN",
                    "");
            assertError(
                    reviseMenu(http, "no-such-restaurant", menuItem("x", "X", 1, true)),
                    404,
                    "RESTAURANT_NOT_FOUND",
                    "no-such-restaurant");
        }
    }

    @Nested
    class People_are_listed {

        @Test
        void couriers_show_whether_available_and_the_order_they_carry() {
            String carla = api.registerCourier("Carla");
            String dan = api.registerCourier("Dan");
            api.setAvailability(dan, false).expect(202);
            String order = api.acceptedOrder(ada, pizzeria);

            JsonNode couriers = listedOnceSettled("couriers");

            assertThat(couriers).hasSize(2);
            assertThat(couriers.get(0).get("courierId").asText()).isEqualTo(carla);
            assertThat(couriers.get(0).get("name").asText()).isEqualTo("Carla");
            assertThat(couriers.get(0).get("available").asBoolean()).isTrue();
            assertThat(couriers.get(0).get("busyWith").asText()).isEqualTo(order);
            assertThat(couriers.get(1).get("available").asBoolean()).isFalse();
            assertThat(couriers.get(1).get("busyWith").isNull()).isTrue();
        }

        @Test
        void consumers_are_listed_by_name_for_the_admin_only() {
            JsonNode consumers = listedOnceSettled("consumers");

            assertThat(consumers).hasSize(1);
            assertThat(consumers.get(0).get("name").asText()).isEqualTo("Ada Lovelace");
            assertThat(consumers.get(0).get("active").asBoolean()).isTrue();
            assertThat(asAda().get("/api/consumers").status()).isEqualTo(403);
            assertThat(asAda().get("/api/couriers").status()).isEqualTo(403);
        }
    }

    @Nested
    class Deactivation {

        @Test
        void the_new_orders_of_a_deactivated_consumer_are_rejected_as_inactive() {
            http.post("/api/consumers/" + ada + "/deactivate").expect(202);

            String order = api.placeOrder(ada, pizzeria).orderId();

            View view = api.awaitState(order, "REJECTED");
            assertThat(view.reason()).isEqualTo("CONSUMER_INACTIVE");
            long position = api.settle();
            assertThat(http.get("/api/consumers/" + ada + "?consistentWith=" + position)
                            .expect(200)
                            .json()
                            .get("active")
                            .asBoolean())
                    .isFalse();
        }

        @Test
        void only_the_admin_deactivates_and_an_unknown_consumer_is_404() {
            assertThat(asAda().post("/api/consumers/" + ada + "/deactivate").status())
                    .isEqualTo(403);
            assertError(http.post("/api/consumers/nobody/deactivate"), 404, "CONSUMER_NOT_FOUND", "nobody");
        }
    }

    @Test
    void the_page_learns_the_currency_and_whether_a_simulation_runs() {
        JsonNode config = asAda().get("/api/config").expect(200).json();

        assertThat(config.get("currency").asText()).isEqualTo("EUR");
        assertThat(config.get("simulation").get("available").asBoolean()).isFalse();
        assertError(http.post("/api/simulation", Map.of("on", true)), 409, "SIMULATION_NOT_RUNNING", "--simulate");
    }
}
