package dev.cairn.restaurant.distributed.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The restaurant's HTTP contract as a client uses it, against one entry point (nginx, or one process). */
public final class Restaurant {

    /** An order as placed: its id and the position its command reached. */
    public record Placed(String orderId, String position) {}

    /** A restaurant with one menu item, {@code soup}. */
    public record Registered(String restaurantId, String position) {}

    private final URI entry;

    public Restaurant(URI entry) {
        this.entry = entry;
    }

    public URI entry() {
        return entry;
    }

    public String consumer(String name) {
        return Http.post(entry, "/api/consumers", Map.of("name", name))
                .expect(201)
                .field("consumerId");
    }

    public Registered restaurant(String name) {
        var reply = Http.post(
                        entry,
                        "/api/restaurants",
                        Map.of(
                                "name",
                                name,
                                "menu",
                                List.of(Map.of("menuItemId", "soup", "name", "Soup", "priceCents", 650))))
                .expect(201);
        return new Registered(reply.field("restaurantId"), reply.field("position"));
    }

    public String courier(String name) {
        return Http.post(entry, "/api/couriers", Map.of("name", name))
                .expect(201)
                .field("courierId");
    }

    /**
     * {@code POST /api/orders}, consistent with the restaurant's registration: whichever ordering
     * replica answers waits until its menu replica knows the restaurant.
     */
    public Http.Reply tryOrder(String consumerId, Registered restaurant, String paymentToken) {
        return Http.post(
                entry,
                "/api/orders?consistentWith=" + restaurant.position(),
                Map.of(
                        "consumerId",
                        consumerId,
                        "restaurantId",
                        restaurant.restaurantId(),
                        "items",
                        List.of(Map.of("menuItemId", "soup", "quantity", 2)),
                        "deliveryAddress",
                        "1 Test Road",
                        "paymentToken",
                        paymentToken));
    }

    public Placed order(String consumerId, Registered restaurant, String paymentToken) {
        var reply = tryOrder(consumerId, restaurant, paymentToken).expect(202);
        return new Placed(reply.field("orderId"), reply.field("position"));
    }

    public String accept(String orderId) {
        return command(
                "/api/tickets/" + orderId + "/accept",
                Map.of("readyBy", Instant.now().plusSeconds(1800).toString()));
    }

    public String reject(String orderId) {
        return command("/api/tickets/" + orderId + "/reject", Map.of("reason", "out of soup"));
    }

    public String preparing(String orderId) {
        return command("/api/tickets/" + orderId + "/preparing", Map.of());
    }

    public String ready(String orderId) {
        return command("/api/tickets/" + orderId + "/ready", Map.of());
    }

    /** Pick-up consults delivery's replica of ready tickets: consistent with the ready command. */
    public String pickup(String orderId, String readyPosition) {
        return command("/api/deliveries/" + orderId + "/pickup?consistentWith=" + readyPosition, Map.of());
    }

    public String deliver(String orderId) {
        return command("/api/deliveries/" + orderId + "/deliver", Map.of());
    }

    public String cancel(String orderId) {
        return command("/api/orders/" + orderId + "/cancel", Map.of());
    }

    private String command(String path, Object body) {
        return Http.post(entry, path, body).expect(202).field("position");
    }

    /** {@code GET /api/orders/{id}} on one query replica; null when it does not know the order (yet). */
    public static JsonNode view(URI replica, String orderId) {
        var reply = Http.get(replica, "/api/orders/" + orderId);
        return reply.status() == 200 ? reply.json() : null;
    }

    /**
     * Waits until every replica shows the order with these fields ({@code null} meaning JSON null).
     *
     * @return the views, by replica
     */
    public static Map<URI, JsonNode> awaitView(
            List<URI> replicas, String orderId, Map<String, String> expected, Duration atMost) {
        Map<URI, JsonNode> seen = new HashMap<>();
        await("order " + orderId + " showing " + expected + " on every query replica")
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    for (URI replica : replicas) {
                        JsonNode view = view(replica, orderId);
                        seen.put(replica, view);
                        if (view == null || !matches(view, expected)) {
                            return false;
                        }
                    }
                    return true;
                });
        return seen;
    }

    private static boolean matches(JsonNode view, Map<String, String> expected) {
        for (var field : expected.entrySet()) {
            JsonNode value = view.get(field.getKey());
            String actual = value == null || value.isNull() ? null : value.asText();
            if (!Objects.equals(actual, field.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Every order of a consumer as one query replica shows them: order id → state (paging through every page). */
    public static Map<String, String> statesOfConsumer(URI replica, String consumerId) {
        Map<String, String> states = new HashMap<>();
        ordersOfConsumer(replica, consumerId)
                .forEach((id, view) -> states.put(id, view.get("state").asText()));
        return states;
    }

    /** Every order of a consumer as one query replica shows them: order id → view (paging through every page). */
    public static Map<String, JsonNode> ordersOfConsumer(URI replica, String consumerId) {
        Map<String, JsonNode> views = new HashMap<>();
        String cursor = null;
        do {
            var reply = Http.get(
                            replica,
                            "/api/orders?consumerId=" + consumerId + "&limit=100"
                                    + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200);
            for (JsonNode order : reply.json().get("orders")) {
                views.put(order.get("orderId").asText(), order);
            }
            JsonNode next = reply.json().get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asText();
        } while (cursor != null);
        return views;
    }

    /** Which partitions of a shared processor a process holds, from its {@code /api/processors}. */
    public static List<Integer> partitionsHeld(URI process, String processor) {
        List<Integer> held = new ArrayList<>();
        var reply = Http.get(process, "/api/processors");
        if (reply.status() != 200) {
            return held;
        }
        for (JsonNode row : reply.json()) {
            String name = row.get("name").asText();
            if (name.startsWith(processor + "#")) {
                held.add(Integer.parseInt(name.substring(processor.length() + 1)));
            }
        }
        return held;
    }
}
