package dev.cairn.restaurant.systemtests;

import static dev.cairn.restaurant.systemtests.RouteAccessTable.Expect.ADMITTED;
import static dev.cairn.restaurant.systemtests.RouteAccessTable.Expect.FORBIDDEN;
import static dev.cairn.restaurant.systemtests.RouteAccessTable.Expect.NOT_FOUND;
import static dev.cairn.restaurant.systemtests.RouteAccessTable.Expect.UNAUTHENTICATED;

import dev.cairn.restaurant.systemtests.support.Parties.Side;
import dev.cairn.restaurant.systemtests.support.RestaurantApi;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The security section of the contract as data: for every route, the request it makes on a
 * {@link Side} (the caller's own, someone else's, or ids nothing has) and what each caller gets.
 * A route the server answers without a row here fails {@link RouteAccessTest}.
 */
final class RouteAccessTable {

    enum Caller {
        ANONYMOUS,
        ADMIN,
        CONSUMER,
        RESTAURANT,
        COURIER
    }

    enum Whose {
        OWN,
        FOREIGN,
        MISSING
    }

    /**
     * {@code ADMITTED}: past every access and ownership check — a 2xx, or the domain's own refusal
     * (400, 409, 422) of a state the earlier rows left the order in; never 401, 403 or 404.
     */
    enum Expect {
        ADMITTED,
        UNAUTHENTICATED,
        FORBIDDEN,
        NOT_FOUND
    }

    record Request(String method, String path, Object body) {}

    /** What {@code caller} gets on {@code whose} resource. */
    @FunctionalInterface
    interface Rule {
        Expect expect(Caller caller, Whose whose);
    }

    /**
     * The usual rule: 401 without a token, 403 for a role not in {@code admits}; a caller it admits
     * gets {@code foreign} on someone else's resource, and on a missing one {@code partyMissing} (a
     * consumer, restaurant or courier) or {@code adminMissing} (the admin, who owns everything).
     */
    static Rule rule(Set<Caller> admits, Expect foreign, Expect partyMissing, Expect adminMissing) {
        return (caller, whose) -> {
            if (admits.contains(Caller.ANONYMOUS)) {
                return ADMITTED;
            }
            if (caller == Caller.ANONYMOUS) {
                return UNAUTHENTICATED;
            }
            if (!admits.contains(caller)) {
                return FORBIDDEN;
            }
            return switch (whose) {
                case OWN -> ADMITTED;
                case FOREIGN -> caller == Caller.ADMIN ? ADMITTED : foreign;
                case MISSING -> caller == Caller.ADMIN ? adminMissing : partyMissing;
            };
        };
    }

    record Row(Function<Side, Request> request, Rule rule) {}

    private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
    private static final Set<Caller> ANY_ROLE = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));
    private static final Set<Caller> ADMIN = EnumSet.of(Caller.ADMIN);

    private static final Rule PUBLIC = rule(EVERYONE, ADMITTED, ADMITTED, ADMITTED);
    private static final Rule ADMIN_ONLY = rule(ADMIN, ADMITTED, ADMITTED, ADMITTED);
    private static final Rule ANY_ROLE_NO_OWNER = rule(ANY_ROLE, ADMITTED, ADMITTED, ADMITTED);

    private RouteAccessTable() {}

    /** Every route, keyed like {@code CairnServer.routes()} without its access: {@code "POST /api/orders"}. */
    static Map<String, Row> rows() {
        Map<String, Row> rows = new LinkedHashMap<>();
        rows.put("GET /health", new Row(s -> get("/health"), PUBLIC));
        rows.put("GET /ready", new Row(s -> get("/ready"), PUBLIC));
        // The lab's report files: readable without a token; absent in a test system (404 either way).
        rows.put("GET /lab/lab.json", new Row(s -> get("/lab/lab.json"), (caller, whose) -> NOT_FOUND));
        rows.put("GET /lab/lab.html", new Row(s -> get("/lab/lab.html"), (caller, whose) -> NOT_FOUND));
        rows.put("GET /metrics", new Row(s -> get("/metrics"), ADMIN_ONLY));
        rows.put("GET /api/events", new Row(s -> get("/api/events?limit=5"), ADMIN_ONLY));
        rows.put("GET /api/processors", new Row(s -> get("/api/processors"), ADMIN_ONLY));
        rows.put("GET /api/stream", new Row(s -> get("/api/stream"), ANY_ROLE_NO_OWNER));

        rows.put(
                "POST /api/consumers",
                new Row(s -> post("/api/consumers", Map.of("name", "New Consumer")), ADMIN_ONLY));
        rows.put("GET /api/consumers", new Row(s -> get("/api/consumers"), ADMIN_ONLY));
        rows.put(
                "GET /api/consumers/{consumerId}",
                new Row(
                        s -> get("/api/consumers/" + s.consumer()),
                        rule(EnumSet.of(Caller.ADMIN, Caller.CONSUMER), NOT_FOUND, NOT_FOUND, NOT_FOUND)));

        rows.put(
                "POST /api/restaurants",
                new Row(
                        s -> post(
                                "/api/restaurants",
                                Map.of("name", "New Place", "menu", List.of(RestaurantApi.item("m1", "Soup", 500)))),
                        ADMIN_ONLY));
        rows.put("GET /api/restaurants", new Row(s -> get("/api/restaurants"), ANY_ROLE_NO_OWNER));
        rows.put(
                "GET /api/restaurants/{restaurantId}",
                new Row(
                        s -> get("/api/restaurants/" + s.restaurant()),
                        rule(ANY_ROLE, ADMITTED, NOT_FOUND, NOT_FOUND)));

        // Deactivation is the admin's alone; placing the own consumer's orders afterwards is the domain's 422, still
        // admitted.
        rows.put(
                "POST /api/consumers/{consumerId}/deactivate",
                new Row(
                        s -> post("/api/consumers/" + s.consumer() + "/deactivate", null),
                        rule(ADMIN, ADMITTED, ADMITTED, NOT_FOUND)));
        rows.put(
                "POST /api/consumers/{consumerId}/reactivate",
                new Row(
                        s -> post("/api/consumers/" + s.consumer() + "/reactivate", null),
                        rule(ADMIN, ADMITTED, ADMITTED, NOT_FOUND)));
        // A restaurant revising another's (public) menu acts for someone else: 403, as a courier's availability.
        rows.put(
                "PUT /api/restaurants/{restaurantId}/menu",
                new Row(
                        s -> request(
                                "PUT",
                                "/api/restaurants/" + s.restaurant() + "/menu",
                                Map.of("menu", List.of(RestaurantApi.item("m1", "Soup", 500)))),
                        rule(EnumSet.of(Caller.ADMIN, Caller.RESTAURANT), FORBIDDEN, FORBIDDEN, NOT_FOUND)));

        rows.put("GET /api/config", new Row(s -> get("/api/config"), ANY_ROLE_NO_OWNER));
        // Without --simulate the switch answers 409 SIMULATION_NOT_RUNNING: the domain's refusal, past access.
        rows.put("GET /api/simulation", new Row(s -> get("/api/simulation"), ADMIN_ONLY));
        rows.put("POST /api/simulation", new Row(s -> post("/api/simulation", Map.of("on", true)), ADMIN_ONLY));

        rows.put("POST /api/couriers", new Row(s -> post("/api/couriers", Map.of("name", "New Courier")), ADMIN_ONLY));
        rows.put("GET /api/couriers", new Row(s -> get("/api/couriers"), ADMIN_ONLY));
        // A courier acting for another courier is 403 (contract: "K only, else 403"), even for an unknown id.
        rows.put(
                "POST /api/couriers/{courierId}/availability",
                new Row(
                        s -> post("/api/couriers/" + s.courier() + "/availability", Map.of("available", false)),
                        rule(EnumSet.of(Caller.ADMIN, Caller.COURIER), FORBIDDEN, FORBIDDEN, NOT_FOUND)));

        rows.put(
                "POST /api/tokens",
                new Row(
                        s -> post("/api/tokens", Map.of("role", "consumer", "id", s.consumer())),
                        rule(ADMIN, ADMITTED, ADMITTED, NOT_FOUND)));

        // Placing for another (or an unknown) consumer is acting for someone else: 403, not 404.
        rows.put(
                "POST /api/orders",
                new Row(
                        s -> post(
                                "/api/orders",
                                RestaurantApi.orderBody(
                                        s.consumer(), s.restaurant(), "tok_visa", RestaurantApi.line("m1", 1))),
                        rule(EnumSet.of(Caller.ADMIN, Caller.CONSUMER), FORBIDDEN, FORBIDDEN, ADMITTED)));
        rows.put(
                "GET /api/orders/{orderId}",
                new Row(s -> get("/api/orders/" + s.order()), rule(ANY_ROLE, NOT_FOUND, NOT_FOUND, NOT_FOUND)));
        // A consumer asking for another consumer's list is 403; the other parties' lists are narrowed to their own
        // orders.
        rows.put(
                "GET /api/orders",
                new Row(
                        s -> get("/api/orders?consumerId=" + s.consumer()),
                        (caller, whose) -> caller == Caller.CONSUMER && whose != Whose.OWN
                                ? FORBIDDEN
                                : ANY_ROLE_NO_OWNER.expect(caller, whose)));
        rows.put(
                "POST /api/orders/{orderId}/cancel",
                new Row(
                        s -> post("/api/orders/" + s.order() + "/cancel", null),
                        rule(EnumSet.of(Caller.ADMIN, Caller.CONSUMER), NOT_FOUND, NOT_FOUND, NOT_FOUND)));

        Rule restaurantsTickets = rule(EnumSet.of(Caller.ADMIN, Caller.RESTAURANT), NOT_FOUND, NOT_FOUND, NOT_FOUND);
        rows.put(
                "POST /api/tickets/{orderId}/accept",
                new Row(
                        s -> post("/api/tickets/" + s.order() + "/accept", RestaurantApi.readyBy()),
                        restaurantsTickets));
        rows.put(
                "POST /api/tickets/{orderId}/reject",
                new Row(
                        s -> post("/api/tickets/" + s.order() + "/reject", Map.of("reason", "out of dough")),
                        restaurantsTickets));
        rows.put(
                "POST /api/tickets/{orderId}/preparing",
                new Row(s -> post("/api/tickets/" + s.order() + "/preparing", null), restaurantsTickets));
        rows.put(
                "POST /api/tickets/{orderId}/ready",
                new Row(s -> post("/api/tickets/" + s.order() + "/ready", null), restaurantsTickets));

        Rule couriersDeliveries = rule(EnumSet.of(Caller.ADMIN, Caller.COURIER), NOT_FOUND, NOT_FOUND, NOT_FOUND);
        rows.put(
                "POST /api/deliveries/{orderId}/pickup",
                new Row(s -> post("/api/deliveries/" + s.order() + "/pickup", null), couriersDeliveries));
        rows.put(
                "POST /api/deliveries/{orderId}/deliver",
                new Row(s -> post("/api/deliveries/" + s.order() + "/deliver", null), couriersDeliveries));
        return rows;
    }

    // A new route gets its row above, e.g. (methods other than GET and POST go through request()):
    //   rows.put("PUT /api/restaurants/{restaurantId}/menu", new Row(s -> request("PUT", "/api/restaurants/" +
    // s.restaurant() + "/menu",
    //           Map.of("menu", List.of(RestaurantApi.item("m1", "Soup", 500)))), rule(<roles>, NOT_FOUND, NOT_FOUND,
    // NOT_FOUND)));

    static Request request(String method, String path, Object body) {
        return new Request(method, path, body);
    }

    private static Request get(String path) {
        return new Request("GET", path, null);
    }

    private static Request post(String path, Object body) {
        return new Request("POST", path, body);
    }
}
