package dev.cairn.restaurant.systemtests;

import static dev.cairn.restaurant.systemtests.support.RestaurantApi.item;
import static dev.cairn.restaurant.systemtests.support.RestaurantApi.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.restaurant.systemtests.support.Http;
import dev.cairn.restaurant.systemtests.support.RestaurantApi.Event;
import dev.cairn.restaurant.systemtests.support.RestaurantApi.Line;
import dev.cairn.restaurant.systemtests.support.RestaurantApi.Restaurant;
import dev.cairn.restaurant.systemtests.support.View;
import dev.cairn.restaurant.systemtests.support.WithSharedSystem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/orders?consumerId=&state=&q=&limit=&cursor=} over enough orders to page: newest
 * first, each filter alone and combined, and cursors that stay valid while orders keep arriving.
 */
class OrderListingTest extends WithSharedSystem {

    /** One order as placed, with what the filters look at. */
    record Placed(String orderId, String consumerId, String restaurantName, List<String> itemNames, String state) {}

    static final int ORDERS = 45;

    static String alice;
    static String bob;
    static Restaurant napoli;
    static Restaurant sushi;
    /** Oldest first, as placed one after the other. */
    static final List<Placed> placed = new ArrayList<>();

    @BeforeAll
    static void placeOrders() {
        alice = api.registerConsumer("Alice");
        bob = api.registerConsumer("Bob");
        napoli = api.registerNapoli();
        sushi = api.registerSushiBar();
        for (int i = 0; i < ORDERS; i++) {
            String consumer = i % 3 == 2 ? bob : alice;
            boolean atNapoli = i % 2 == 0;
            Restaurant restaurant = atNapoli ? napoli : sushi;
            List<Line> lines = atNapoli
                    ? List.of(line(i % 4 == 0 ? "calzone" : "margherita", 1 + i % 3))
                    : i % 5 == 1 ? List.of(line("nigiri", 2), line("miso", 1)) : List.of(line("nigiri", 1));
            List<String> names = lines.stream()
                    .map(l -> restaurant.menu().stream()
                            .filter(m -> m.menuItemId().equals(l.menuItemId()))
                            .findFirst()
                            .orElseThrow()
                            .name())
                    .toList();
            boolean declined = i % 7 == 3;
            String id = api.placeOrder(
                            consumer, restaurant, declined ? "tok_declined" : "tok_visa", lines.toArray(Line[]::new))
                    .orderId();
            placed.add(new Placed(id, consumer, restaurant.name(), names, declined ? "REJECTED" : "APPROVED"));
        }
        api.settle();
    }

    /** The ids of the placed orders that match, newest first: what the listing must answer. */
    static List<String> expected(Predicate<Placed> filter) {
        return placed.reversed().stream().filter(filter).map(Placed::orderId).toList();
    }

    /** Follows {@code nextCursor} from the first page to the last and returns every order id, checking each page's size. */
    static List<String> allPages(String query, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String url = "/api/orders?limit=" + limit + (query.isEmpty() ? "" : "&" + query)
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = http.get(url).expect(200).json();
            JsonNode orders = page.get("orders");
            assertThat(orders.size()).as("size of %s", url).isLessThanOrEqualTo(limit);
            orders.forEach(o -> ids.add(o.get("orderId").asText()));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
            if (cursor != null) {
                assertThat(orders.size())
                        .as("a page with a next cursor is full: %s", url)
                        .isEqualTo(limit);
            }
        } while (cursor != null);
        return ids;
    }

    static List<String> ids(JsonNode page) {
        return page.get("orders").findValuesAsText("orderId");
    }

    @Nested
    class Without_filters {

        @Test
        void lists_the_newest_twenty_orders_first_by_default() {
            JsonNode page = http.get("/api/orders").expect(200).json();

            List<String> newestFirst = api.events().stream()
                    .filter(e -> e.type().equals("ordering.OrderCreated"))
                    .sorted((a, b) -> Long.compare(b.position(), a.position()))
                    .map(Event::orderId)
                    .toList();
            assertThat(ids(page)).containsExactlyElementsOf(newestFirst.subList(0, 20));
            assertThat(page.get("nextCursor").isTextual()).isTrue();
        }

        @Test
        void lists_each_order_as_its_full_view() {
            JsonNode page = http.get("/api/orders?consumerId=" + bob + "&limit=5")
                    .expect(200)
                    .json();

            for (JsonNode listed : page.get("orders")) {
                View view = Http.JSON.convertValue(listed, View.class);
                assertThat(view).isEqualTo(api.order(view.orderId()));
            }
        }

        @Test
        void pages_through_every_order_exactly_once() {
            List<String> all = allPages("", 7);

            List<String> created = api.events().stream()
                    .filter(e -> e.type().equals("ordering.OrderCreated"))
                    .map(Event::orderId)
                    .toList();
            assertThat(all).doesNotHaveDuplicates().containsExactlyElementsOf(created.reversed());
        }
    }

    @Nested
    class With_filters {

        @Test
        void lists_only_the_orders_of_one_consumer() {
            assertThat(allPages("consumerId=" + bob, 4))
                    .containsExactlyElementsOf(expected(p -> p.consumerId().equals(bob)));
        }

        @Test
        void lists_only_the_orders_in_one_state() {
            assertThat(allPages("consumerId=" + alice + "&state=REJECTED", 2))
                    .isNotEmpty()
                    .containsExactlyElementsOf(expected(
                            p -> p.consumerId().equals(alice) && p.state().equals("REJECTED")));
            assertThat(allPages("consumerId=" + alice + "&state=APPROVED", 100))
                    .containsExactlyElementsOf(expected(
                            p -> p.consumerId().equals(alice) && p.state().equals("APPROVED")));
        }

        @Test
        void matches_q_against_the_restaurant_name_case_insensitively() {
            assertThat(allPages("q=sUsHi", 10))
                    .isNotEmpty()
                    .containsExactlyElementsOf(expected(p -> p.restaurantName().equals("Sushi Bar")));
        }

        @Test
        void matches_q_against_any_item_name() {
            assertThat(allPages("q=CALZONE", 10))
                    .isNotEmpty()
                    .containsExactlyElementsOf(expected(p -> p.itemNames().contains("Calzone")));
            assertThat(allPages("q=miso", 10))
                    .isNotEmpty()
                    .containsExactlyElementsOf(expected(p -> p.itemNames().contains("Miso Soup")));
        }

        @Test
        void combines_consumer_state_and_q_with_paging() {
            List<String> expected = expected(p -> p.consumerId().equals(alice)
                    && p.state().equals("APPROVED")
                    && p.itemNames().contains("Salmon Nigiri"));

            assertThat(allPages("consumerId=" + alice + "&state=APPROVED&q=nigiri", 3))
                    .hasSizeGreaterThan(3)
                    .containsExactlyElementsOf(expected);
        }

        @Test
        void answers_an_empty_last_page_when_nothing_matches() {
            for (String query : List.of("consumerId=nobody", "q=hamburger", "consumerId=" + bob + "&state=CANCELLED")) {
                JsonNode page = http.get("/api/orders?" + query).expect(200).json();
                assertThat(page.get("orders")).as(query).isEmpty();
                assertThat(page.get("nextCursor").isNull()).as(query).isTrue();
            }
        }
    }

    @Nested
    class Cursors {

        @Test
        void stay_valid_while_new_orders_arrive() {
            String carol = api.registerConsumer("Carol");
            Restaurant curry = api.registerRestaurant("Curry House", item("korma", "Korma", 1200));
            List<String> first = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                first.add(api.placeOrder(carol, curry).orderId());
            }
            api.settle();
            JsonNode page1 = http.get("/api/orders?consumerId=" + carol + "&limit=3")
                    .expect(200)
                    .json();
            assertThat(ids(page1)).containsExactly(first.get(5), first.get(4), first.get(3));

            String newer = api.placeOrder(carol, curry).orderId();
            api.settle();
            JsonNode page2 = http.get("/api/orders?consumerId=" + carol + "&limit=3&cursor="
                            + page1.get("nextCursor").asText())
                    .expect(200)
                    .json();

            assertThat(ids(page2)).containsExactly(first.get(2), first.get(1), first.get(0));
            assertThat(ids(http.get("/api/orders?consumerId=" + carol + "&limit=1")
                            .expect(200)
                            .json()))
                    .containsExactly(newer);
        }

        @Test
        void from_one_filter_are_valid_with_another() {
            JsonNode page = http.get("/api/orders?limit=5").expect(200).json();
            String cursor = page.get("nextCursor").asText();
            String oldestOnPage = ids(page).getLast();
            int index = placed.stream().map(Placed::orderId).toList().indexOf(oldestOnPage);

            JsonNode filtered = http.get("/api/orders?consumerId=" + bob + "&limit=100&cursor=" + cursor)
                    .expect(200)
                    .json();

            assertThat(ids(filtered))
                    .containsExactlyElementsOf(placed.subList(0, index).reversed().stream()
                            .filter(p -> p.consumerId().equals(bob))
                            .map(Placed::orderId)
                            .toList());
        }
    }
}
