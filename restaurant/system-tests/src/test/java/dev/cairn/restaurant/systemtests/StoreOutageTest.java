package dev.cairn.restaurant.systemtests;

import static dev.cairn.restaurant.systemtests.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.restaurant.systemtests.support.OrderSteps;
import dev.cairn.restaurant.systemtests.support.Reply;
import dev.cairn.restaurant.systemtests.support.RestaurantApi;
import dev.cairn.restaurant.systemtests.support.View;
import dev.cairn.restaurant.systemtests.support.WithFreshSystem;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The contract's 503 for an unreachable event store, and the system resuming by itself once it is back. */
class StoreOutageTest extends WithFreshSystem {

    /** A test that fails while the store is down must not leave it down for the close. */
    @AfterEach
    void bringTheStoreBack() {
        system.store().down(false);
    }

    @Test
    void commands_and_the_event_log_answer_503_with_retry_after_while_the_store_is_unavailable_and_append_nothing() {
        String order = api.approvedOrder(ada, pizzeria);
        long head = api.settle();
        system.store().down(true);

        List<Reply> replies = List.of(
                http.post("/api/consumers", Map.of("name", "Bo")),
                http.post(
                        "/api/orders",
                        RestaurantApi.orderBody(
                                ada, pizzeria.restaurantId(), "tok_visa", RestaurantApi.line("margherita", 1))),
                api.accept(order),
                api.cancel(order),
                http.get("/api/events"));

        for (Reply reply : replies) {
            assertError(reply, 503, "STORE_UNAVAILABLE", "event store is unavailable");
            assertThat(reply.header("Retry-After")).as("%s", reply).isPresent();
        }
        // The views still answer from memory, and the server stays healthy.
        assertThat(api.order(order).state()).isEqualTo("APPROVED");
        http.get("/health").expect(200);
        system.store().down(false);
        assertThat(api.events(head)).isEmpty();
        assertThat(api.settle()).isEqualTo(head);
    }

    @Test
    void orders_in_flight_when_the_store_goes_down_complete_exactly_once_when_it_comes_back() {
        List<String> orders = IntStream.range(0, 10)
                .mapToObj(i -> api.placeOrder(ada, pizzeria).orderId())
                .toList();
        system.store().down(true);
        assertError(api.accept(orders.getFirst()), 503, "STORE_UNAVAILABLE", "unavailable");

        system.store().down(false);

        api.settle();
        for (String order : orders) {
            View view = api.order(order);
            assertThat(view.status())
                    .as(order)
                    .isEqualTo(new View.Status("APPROVED", null, "AWAITING_ACCEPTANCE", "AUTHORIZED", null, null));
            assertThat(api.typesOfOrder(order)).as(order).containsExactlyInAnyOrderElementsOf(OrderSteps.APPROVED);
        }
    }
}
