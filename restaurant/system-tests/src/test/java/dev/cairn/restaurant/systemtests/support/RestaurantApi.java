package dev.cairn.restaurant.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The contract's requests as a client makes them, plus the two waits every test needs: for an
 * order view to reach a state, and for the whole system to go quiet.
 */
public final class RestaurantApi {

    /** Long enough for a loaded 2-core machine, short enough to fail a stuck flow quickly. */
    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private final Http http;

    public RestaurantApi(Http http) {
        this.http = http;
    }

    public Http http() {
        return http;
    }

    public record MenuItem(String menuItemId, String name, long priceCents) {}

    /** A registered restaurant; {@code position} is the token of its registration, for {@code consistentWith}. */
    public record Restaurant(String restaurantId, String name, List<MenuItem> menu, long position) {}

    public record Line(String menuItemId, int quantity) {}

    /** A 202 to {@code POST /api/orders}. */
    public record Placed(String orderId, long position) {}

    public static MenuItem item(String id, String name, long priceCents) {
        return new MenuItem(id, name, priceCents);
    }

    public static Line line(String menuItemId, int quantity) {
        return new Line(menuItemId, quantity);
    }

    // ---- commands

    public String registerConsumer(String name) {
        return http.post("/api/consumers", Map.of("name", name)).expect(201).text("consumerId");
    }

    public Restaurant registerRestaurant(String name, MenuItem... menu) {
        Reply reply = http.post("/api/restaurants", Map.of("name", name, "menu", List.of(menu)))
                .expect(201);
        return new Restaurant(reply.text("restaurantId"), name, List.of(menu), Long.parseLong(reply.text("position")));
    }

    /** Pizzeria Napoli: a margherita at 10.00 and a calzone at 13.00. */
    public Restaurant registerNapoli() {
        return registerRestaurant(
                "Pizzeria Napoli", item("margherita", "Margherita", 1000), item("calzone", "Calzone", 1300));
    }

    /** The Sushi Bar: salmon nigiri at 4.50 and a miso soup at 3.00. */
    public Restaurant registerSushiBar() {
        return registerRestaurant("Sushi Bar", item("nigiri", "Salmon Nigiri", 450), item("miso", "Miso Soup", 300));
    }

    public String registerCourier(String name) {
        return http.post("/api/couriers", Map.of("name", name)).expect(201).text("courierId");
    }

    public Reply setAvailability(String courierId, boolean available) {
        return http.post("/api/couriers/" + courierId + "/availability", Map.of("available", available));
    }

    public static Map<String, Object> orderBody(
            String consumerId, String restaurantId, String paymentToken, Line... lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("consumerId", consumerId);
        body.put("restaurantId", restaurantId);
        body.put("items", List.of(lines));
        body.put("deliveryAddress", "12 Quay Street");
        body.put("paymentToken", paymentToken);
        return body;
    }

    public Reply tryPlaceOrder(String consumerId, String restaurantId, String paymentToken, Line... lines) {
        return http.post("/api/orders", orderBody(consumerId, restaurantId, paymentToken, lines));
    }

    /**
     * Places an order once ordering's menu replica has seen the restaurant ({@code consistentWith}
     * its registration): without it, an order right after the registration may meet a replica
     * that does not know the restaurant yet and be answered 422.
     */
    public Placed placeOrder(String consumerId, Restaurant restaurant, String paymentToken, Line... lines) {
        Line[] ordered = lines.length == 0
                ? new Line[] {line(restaurant.menu().getFirst().menuItemId(), 1)}
                : lines;
        Reply reply = http.post(
                        "/api/orders?consistentWith=" + restaurant.position(),
                        orderBody(consumerId, restaurant.restaurantId(), paymentToken, ordered))
                .expect(202);
        return new Placed(reply.text("orderId"), Long.parseLong(reply.text("position")));
    }

    public Placed placeOrder(String consumerId, Restaurant restaurant) {
        return placeOrder(consumerId, restaurant, "tok_visa");
    }

    public static Map<String, Object> readyBy() {
        return Map.of(
                "readyBy",
                Instant.now()
                        .plus(30, ChronoUnit.MINUTES)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
    }

    /**
     * Accepts with the same ready-by time every time for one order, so a repeated accept is the same
     * command (a no-op), not a change of time that the kitchen refuses.
     */
    public Reply accept(String orderId) {
        return http.post("/api/tickets/" + orderId + "/accept", readyByOrder.computeIfAbsent(orderId, id -> readyBy()));
    }

    private final Map<String, Map<String, Object>> readyByOrder = new ConcurrentHashMap<>();

    public Reply reject(String orderId) {
        return http.post("/api/tickets/" + orderId + "/reject", Map.of("reason", "out of dough"));
    }

    public Reply preparing(String orderId) {
        return http.post("/api/tickets/" + orderId + "/preparing");
    }

    public Reply ready(String orderId) {
        return http.post("/api/tickets/" + orderId + "/ready");
    }

    public Reply pickup(String orderId) {
        return http.post("/api/deliveries/" + orderId + "/pickup");
    }

    public Reply deliver(String orderId) {
        return http.post("/api/deliveries/" + orderId + "/deliver");
    }

    public Reply cancel(String orderId) {
        return http.post("/api/orders/" + orderId + "/cancel");
    }

    // ---- queries

    public View order(String orderId) {
        return http.get("/api/orders/" + orderId).expect(200).as(View.class);
    }

    /** Waits until the order's view satisfies {@code condition} and returns that view. */
    public View awaitOrder(String orderId, Predicate<View> condition) {
        AtomicReference<View> last = new AtomicReference<>();
        await("order " + orderId)
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> {
                    Reply reply = http.get("/api/orders/" + orderId);
                    View view = reply.status() == 200 ? reply.as(View.class) : null;
                    last.set(view);
                    assertThat(view)
                            .as("view of %s (last answer %s)", orderId, reply)
                            .isNotNull()
                            .matches(condition);
                });
        return last.get();
    }

    public View awaitState(String orderId, String state) {
        return awaitOrder(orderId, v -> v.state().equals(state));
    }

    /** Places an order and waits for it to be approved. */
    public String approvedOrder(String consumerId, Restaurant restaurant) {
        String id = placeOrder(consumerId, restaurant).orderId();
        awaitOrder(id, v -> v.state().equals("APPROVED") && "AWAITING_ACCEPTANCE".equals(v.ticketState()));
        return id;
    }

    /** An approved order the kitchen has accepted, its delivery requested (scheduled or pending). */
    public String acceptedOrder(String consumerId, Restaurant restaurant) {
        String id = approvedOrder(consumerId, restaurant);
        accept(id).expect(202);
        awaitOrder(id, v -> v.deliveryState() != null);
        return id;
    }

    /** An accepted order the kitchen has started preparing. */
    public String preparingOrder(String consumerId, Restaurant restaurant) {
        String id = acceptedOrder(consumerId, restaurant);
        preparing(id).expect(202);
        return id;
    }

    /** An order the kitchen has prepared and marked ready for pickup. */
    public String readyOrder(String consumerId, Restaurant restaurant) {
        String id = preparingOrder(consumerId, restaurant);
        ready(id).expect(202);
        return id;
    }

    /**
     * Takes an accepted order through preparing, ready, pickup and delivered. It settles before the
     * pickup: delivery refuses a pickup until it has seen the ticket ready.
     */
    public void walkToDelivered(String orderId) {
        preparing(orderId).expect(202);
        ready(orderId).expect(202);
        settle();
        pickup(orderId).expect(202);
        deliver(orderId).expect(202);
    }

    /** An approved order its consumer has cancelled before the kitchen accepted it. */
    public String cancelledOrder(String consumerId, Restaurant restaurant) {
        String id = approvedOrder(consumerId, restaurant);
        cancel(id).expect(202);
        awaitState(id, "CANCELLED");
        return id;
    }

    /** An approved order the kitchen rejected, so it ends cancelled. */
    public String kitchenRejectedOrder(String consumerId, Restaurant restaurant) {
        String id = approvedOrder(consumerId, restaurant);
        reject(id).expect(202);
        awaitState(id, "CANCELLED");
        return id;
    }

    /** An order rejected because its payment was declined ({@code tok_declined}). */
    public String declinedOrder(String consumerId, Restaurant restaurant) {
        String id = placeOrder(consumerId, restaurant, "tok_declined").orderId();
        awaitState(id, "REJECTED");
        return id;
    }

    /**
     * Waits until every processor has processed the whole log and none has parked an event, read
     * from {@code GET /api/processors}, and returns the log position they all stand at. Once every
     * processor stands at the head, nothing is in flight: a processor only moves past an event after
     * the commands it caused are appended.
     */
    public long settle() {
        return settleExcept();
    }

    /** {@link #settle()} while the named processors are stopped on purpose: every other one must have caught up. */
    public long settleExcept(String... stopped) {
        List<String> ignored = List.of(stopped);
        AtomicReference<Long> head = new AtomicReference<>();
        await("every processor caught up")
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(10))
                .untilAsserted(() -> {
                    JsonNode processors =
                            http.get("/api/processors").expect(200).json();
                    List<Long> positions = new ArrayList<>();
                    for (JsonNode p : processors) {
                        if (ignored.contains(p.get("name").asText())) {
                            continue;
                        }
                        assertThat(p.get("parked").asInt())
                                .as("parked events of %s", p.get("name"))
                                .isZero();
                        assertThat(p.get("lag").asLong())
                                .as("lag of %s", p.get("name"))
                                .isZero();
                        positions.add(Long.parseLong(p.get("position").asText()));
                    }
                    assertThat(positions).as("processor positions").isNotEmpty().containsOnly(positions.getFirst());
                    head.set(positions.getFirst());
                });
        return head.get();
    }

    /** The log after {@code after}, read through {@code GET /api/events} page by page. */
    public List<Event> events(long after) {
        return pages("/api/events?limit=1000", after);
    }

    public List<Event> events() {
        return events(0);
    }

    /** The events of one stream, through {@code GET /api/events?stream=}. */
    public List<Event> stream(String streamId) {
        return pages("/api/events?limit=1000&stream=" + streamId, 0);
    }

    /** Every page of a log query, following {@code next} from {@code after} until a page adds nothing. */
    private List<Event> pages(String query, long after) {
        List<Event> events = new ArrayList<>();
        long cursor = after;
        while (true) {
            JsonNode page = http.get(query + "&after=" + cursor).expect(200).json();
            for (JsonNode e : page.get("events")) {
                events.add(Event.of(e));
            }
            long next = Long.parseLong(page.get("next").asText());
            if (next == cursor) {
                return events;
            }
            cursor = next;
        }
    }

    /** Every event type recorded for one order, across its streams (order, verification, ticket, payment, delivery), in log order. */
    public List<String> typesOfOrder(String orderId) {
        return events().stream()
                .filter(e -> e.orderId().equals(orderId))
                .map(Event::type)
                .toList();
    }

    /** One entry of {@code GET /api/events}. */
    public record Event(long position, String streamId, long version, String type, JsonNode data) {

        static Event of(JsonNode json) {
            return new Event(
                    Long.parseLong(json.get("position").asText()),
                    json.get("streamId").asText(),
                    json.get("version").asLong(),
                    json.get("type").asText(),
                    json.get("data"));
        }

        /** {@code order}, {@code ticket}, …: the part of the stream id before the first {@code -}. */
        public String category() {
            return streamId.substring(0, streamId.indexOf('-'));
        }

        /** The id after the category: the order id for the streams of an order. */
        public String orderId() {
            return streamId.substring(streamId.indexOf('-') + 1);
        }
    }
}
