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
        route(rows, "GET /health", PUBLIC);
        route(rows, "GET /ready", PUBLIC);
        // The lab's report files: readable without a token; absent in a test system (404 either way).
        route(rows, "GET /lab/lab.json", (caller, whose) -> NOT_FOUND);
        route(rows, "GET /lab/lab.html", (caller, whose) -> NOT_FOUND);
        route(rows, "GET /metrics", ADMIN_ONLY);
        rows.put("GET /api/events", new Row(s -> get("/api/events?limit=5"), ADMIN_ONLY));
        route(rows, "GET /api/processors", ADMIN_ONLY);
        route(rows, "GET /api/stream", ANY_ROLE_NO_OWNER);

        route(rows, "POST /api/consumers", Map.of("name", "New Consumer"), ADMIN_ONLY);
        route(rows, "GET /api/consumers", ADMIN_ONLY);
        route(
                rows,
                "GET /api/consumers/{consumerId}",
                rule(EnumSet.of(Caller.ADMIN, Caller.CONSUMER), NOT_FOUND, NOT_FOUND, NOT_FOUND));

        route(
                rows,
                "POST /api/restaurants",
                Map.of("name", "New Place", "menu", List.of(RestaurantApi.item("m1", "Soup", 500))),
                ADMIN_ONLY);
        route(rows, "GET /api/restaurants", ANY_ROLE_NO_OWNER);
        route(rows, "GET /api/restaurants/{restaurantId}", rule(ANY_ROLE, ADMITTED, NOT_FOUND, NOT_FOUND));

        // Deactivation is the admin's alone; placing the own consumer's orders afterwards is the domain's 422, still
        // admitted.
        route(rows, "POST /api/consumers/{consumerId}/deactivate", rule(ADMIN, ADMITTED, ADMITTED, NOT_FOUND));
        route(rows, "POST /api/consumers/{consumerId}/reactivate", rule(ADMIN, ADMITTED, ADMITTED, NOT_FOUND));
        // A restaurant revising another's (public) menu acts for someone else: 403, as a courier's availability.
        route(
                rows,
                "PUT /api/restaurants/{restaurantId}/menu",
                Map.of("menu", List.of(RestaurantApi.item("m1", "Soup", 500))),
                rule(EnumSet.of(Caller.ADMIN, Caller.RESTAURANT), FORBIDDEN, FORBIDDEN, NOT_FOUND));

        route(rows, "GET /api/config", ANY_ROLE_NO_OWNER);
        // Without --simulate the switch answers 409 SIMULATION_NOT_RUNNING: the domain's refusal, past access.
        route(rows, "GET /api/simulation", ADMIN_ONLY);
        route(rows, "POST /api/simulation", Map.of("on", true), ADMIN_ONLY);

        route(rows, "POST /api/couriers", Map.of("name", "New Courier"), ADMIN_ONLY);
        route(rows, "GET /api/couriers", ADMIN_ONLY);
        // A courier acting for another courier is 403 (contract: "K only, else 403"), even for an unknown id.
        route(
                rows,
                "POST /api/couriers/{courierId}/availability",
                Map.of("available", false),
                rule(EnumSet.of(Caller.ADMIN, Caller.COURIER), FORBIDDEN, FORBIDDEN, NOT_FOUND));

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
        route(rows, "GET /api/orders/{orderId}", rule(ANY_ROLE, NOT_FOUND, NOT_FOUND, NOT_FOUND));
        // A consumer asking for another consumer's list is 403; the other parties' lists are narrowed to their own
        // orders.
        rows.put(
                "GET /api/orders",
                new Row(
                        s -> get("/api/orders?consumerId=" + s.consumer()),
                        (caller, whose) -> caller == Caller.CONSUMER && whose != Whose.OWN
                                ? FORBIDDEN
                                : ANY_ROLE_NO_OWNER.expect(caller, whose)));
        route(
                rows,
                "POST /api/orders/{orderId}/cancel",
                rule(EnumSet.of(Caller.ADMIN, Caller.CONSUMER), NOT_FOUND, NOT_FOUND, NOT_FOUND));

        Rule restaurantsTickets = rule(EnumSet.of(Caller.ADMIN, Caller.RESTAURANT), NOT_FOUND, NOT_FOUND, NOT_FOUND);
        route(rows, "POST /api/tickets/{orderId}/accept", RestaurantApi.readyBy(), restaurantsTickets);
        route(rows, "POST /api/tickets/{orderId}/reject", Map.of("reason", "out of dough"), restaurantsTickets);
        route(rows, "POST /api/tickets/{orderId}/preparing", restaurantsTickets);
        route(rows, "POST /api/tickets/{orderId}/ready", restaurantsTickets);

        Rule couriersDeliveries = rule(EnumSet.of(Caller.ADMIN, Caller.COURIER), NOT_FOUND, NOT_FOUND, NOT_FOUND);
        route(rows, "POST /api/deliveries/{orderId}/pickup", couriersDeliveries);
        route(rows, "POST /api/deliveries/{orderId}/deliver", couriersDeliveries);
        return rows;
    }

    // A new route gets its row above: route(rows, "<METHOD> <path with {placeholders}>", <body, if any>, <rule>);
    // a row whose request is not the route itself (a query, a body of the side's ids) is put as a Row of its own.

    /** A row of {@code route} with no body. */
    private static void route(Map<String, Row> rows, String route, Rule rule) {
        route(rows, route, null, rule);
    }

    /**
     * A row whose request is {@code route} itself, its placeholders ({@code {consumerId}},
     * {@code {restaurantId}}, {@code {courierId}}, {@code {orderId}}) filled with the ids of the side
     * it is called on.
     */
    private static void route(Map<String, Row> rows, String route, Object body, Rule rule) {
        String[] methodAndPath = route.split(" ", 2);
        rows.put(route, new Row(s -> request(methodAndPath[0], filled(methodAndPath[1], s), body), rule));
    }

    private static String filled(String path, Side side) {
        return path.replace("{consumerId}", side.consumer())
                .replace("{restaurantId}", side.restaurant())
                .replace("{courierId}", side.courier())
                .replace("{orderId}", side.order());
    }

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
