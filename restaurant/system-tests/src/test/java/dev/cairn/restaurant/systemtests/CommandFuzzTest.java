package dev.cairn.restaurant.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.restaurant.systemtests.support.Http;
import dev.cairn.restaurant.systemtests.support.Parties;
import dev.cairn.restaurant.systemtests.support.Reply;
import dev.cairn.restaurant.systemtests.support.TestSystem;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Every command route (every route that is not a GET, read from the server's own list, so a new
 * one is fuzzed without a change here) with random JSON of random shapes, types, sizes and
 * Unicode, random path ids, headers and callers: never a 5xx, every error a
 * {@code {"error","message"}} body that names the problem, and a 4xx never appends.
 */
class CommandFuzzTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");
    /** Field names the command bodies use, so random bodies often get past "unknown field" into the checks behind it. */
    private static final List<String> FIELDS = List.of(
            "name",
            "menu",
            "menuItemId",
            "priceCents",
            "consumerId",
            "restaurantId",
            "items",
            "quantity",
            "deliveryAddress",
            "paymentToken",
            "readyBy",
            "reason",
            "available",
            "role",
            "id",
            "ttlSeconds");

    static TestSystem system;
    static Parties parties;
    static List<String> commands;

    @BeforeContainer
    static void start() {
        system = TestSystem.start();
        parties = Parties.create(system.api());
        commands = system.system().routes().stream()
                .map(route -> route.split(" ", 3))
                .filter(parts -> !parts[0].equals("GET"))
                .map(parts -> parts[0] + " " + parts[1])
                .toList();
        system.api().settle();
    }

    @AfterContainer
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    record Attempt(
            String route,
            List<String> ids,
            String caller,
            String contentType,
            String body,
            Map<String, String> headers) {}

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void a_command_never_fails_with_5xx_and_a_refusal_appends_nothing(@ForAll("attempts") Attempt attempt) {
        long head = system.store().realHead();

        Reply reply = system.http().send(request(attempt));

        Statistics.label("status").collect(reply.status());
        Statistics.label("route × caller admitted")
                .collect(attempt.route(), attempt.caller(), reply.status() < 400 ? "2xx" : "refused");
        assertThat(reply.status()).as("%s → %s", attempt, reply).isLessThan(500);
        if (reply.status() >= 400) {
            JsonNode error = reply.json();
            assertThat(error.path("error").asText(""))
                    .as("error code of %s", reply)
                    .matches("[A-Z_]+");
            assertThat(error.path("message").asText(""))
                    .as("message of %s", reply)
                    .isNotBlank();
            assertThat(system.store().realHead())
                    .as("head after %s → %s", attempt, reply)
                    .isEqualTo(head);
        } else {
            system.api().settle(); // what the command caused is appended before the next attempt measures the head
        }
    }

    @Property(tries = 1)
    void every_command_route_is_fuzzed() {
        assertThat(commands)
                .as("the command routes the server lists")
                .isNotEmpty()
                .allMatch(route -> !route.startsWith("GET"));
    }

    @Provide
    Arbitrary<Attempt> attempts() {
        Arbitrary<String> route = Arbitraries.of(commands);
        Arbitrary<List<String>> ids = pathId().list().ofMaxSize(3);
        Arbitrary<String> contentType = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just("application/json")),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                "application/json; charset=utf-8",
                                "text/plain",
                                "application/json; charset=utf-16",
                                "",
                                "*/*")));
        Arbitrary<Map<String, String>> headers = Arbitraries.maps(
                        Arbitraries.of(
                                "X-Request-Id",
                                "Idempotency-Key",
                                "Accept",
                                "Accept-Language",
                                "X-Forwarded-For",
                                "Cairn-Position",
                                "If-Match",
                                "Origin"),
                        Arbitraries.strings()
                                .ascii()
                                .ofMaxLength(40)
                                .map(value -> value.replaceAll("[\\p{Cntrl}]", "")))
                .ofMaxSize(3);
        // Mostly callers a route may admit, so that bodies get past the token check to the checks behind it.
        Arbitrary<String> caller = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just("admin")),
                Tuple.of(2, Arbitraries.just("consumer")),
                Tuple.of(2, Arbitraries.just("restaurant")),
                Tuple.of(2, Arbitraries.just("courier")),
                Tuple.of(1, Arbitraries.just("anonymous")),
                Tuple.of(1, Arbitraries.just("forged")));
        return route.flatMap(
                chosen -> Combinators.combine(Arbitraries.just(chosen), ids, caller, contentType, body(chosen), headers)
                        .as(Attempt::new));
    }

    private Arbitrary<String> pathId() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        parties.own().order(),
                        parties.foreign().order(),
                        parties.own().courier(),
                        parties.foreign().courier(),
                        parties.own().consumer(),
                        parties.own().restaurant(),
                        "missing",
                        "..",
                        "%2e%2e",
                        ""),
                Arbitraries.strings().all().ofMaxLength(30).map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8)));
    }

    private Arbitrary<String> body(String route) {
        Arbitrary<String> json = json(3).map(Http::json);
        Arbitrary<String> nearlyValid = nearlyValid(route).map(Http::json);
        Arbitrary<String> raw = Arbitraries.strings().all().ofMaxLength(200);
        Arbitrary<String> big =
                Arbitraries.integers().between(10_000, 70_000).map(n -> "{\"name\":\"" + "é".repeat(n) + "\"}");
        return Arbitraries.frequencyOf(
                Tuple.of(8, nearlyValid),
                Tuple.of(4, json),
                Tuple.of(2, raw),
                Tuple.of(1, big),
                Tuple.of(1, Arbitraries.just("")));
    }

    /**
     * A body some command accepts (any of them: the route is chosen apart), with each field kept,
     * dropped or replaced by any JSON value: the checks of single fields, types and ranges.
     */
    private Arbitrary<Object> nearlyValid(String route) {
        return Combinators.combine(
                        Arbitraries.just(validBody(route)),
                        json(2).list().ofSize(6),
                        Arbitraries.integers().between(0, 2).list().ofSize(6))
                .as((template, replacements, fates) -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    int i = 0;
                    for (var field : template.entrySet()) {
                        int fate = fates.get(i % fates.size());
                        if (fate == 0) {
                            body.put(field.getKey(), field.getValue());
                        } else if (fate == 1) {
                            body.put(field.getKey(), replacements.get(i % replacements.size()));
                        }
                        i++;
                    }
                    return body;
                });
    }

    /** A body the route accepts; an empty object for a route this test does not know (a new one is still fuzzed). */
    private static Map<String, Object> validBody(String route) {
        String path = route.substring(route.indexOf(' ') + 1);
        return switch (path) {
            case "/api/consumers", "/api/couriers" -> Map.of("name", "Ada");
            case "/api/restaurants" ->
                Map.of("name", "Place", "menu", List.of(Map.of("menuItemId", "m1", "name", "Soup", "priceCents", 500)));
            case "/api/orders" ->
                Map.of(
                        "consumerId",
                        parties.own().consumer(),
                        "restaurantId",
                        parties.own().restaurant(),
                        "deliveryAddress",
                        "1 Quay",
                        "paymentToken",
                        "tok_visa",
                        "items",
                        List.of(Map.of("menuItemId", "m1", "quantity", 1)));
            case "/api/tickets/{orderId}/accept" -> Map.of("readyBy", "2030-01-01T00:00:00Z");
            case "/api/tickets/{orderId}/reject" -> Map.of("reason", "out of dough");
            case "/api/couriers/{courierId}/availability" -> Map.of("available", true);
            case "/api/tokens" -> Map.of("role", "consumer", "id", parties.own().consumer(), "ttlSeconds", 60);
            default -> Map.of();
        };
    }

    /** Any JSON value up to {@code depth} levels, as plain Java values. */
    private Arbitrary<Object> json(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40).map(s -> s),
                Arbitraries.longs().map(n -> n),
                Arbitraries.doubles().map(d -> d),
                Arbitraries.of(true, false).map(b -> b),
                Arbitraries.just(null),
                Arbitraries.of(
                                "2030-01-01T00:00:00Z",
                                "1999-12-31T23:59:59Z",
                                "not a time",
                                "m1",
                                "tok_visa",
                                "consumer",
                                "admin")
                        .map(s -> s),
                Arbitraries.of(
                                parties.own().consumer(),
                                parties.foreign().consumer(),
                                parties.own().restaurant())
                        .map(s -> s));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<Object> object = Combinators.combine(
                        Arbitraries.oneOf(
                                        Arbitraries.of(FIELDS),
                                        Arbitraries.strings().all().ofMaxLength(10))
                                .list()
                                .ofMaxSize(6),
                        json(depth - 1).list().ofSize(6))
                .as((keys, values) -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < keys.size(); i++) {
                        map.put(keys.get(i), values.get(i));
                    }
                    return map;
                });
        Arbitrary<Object> array = json(depth - 1).list().ofMaxSize(4).map(list -> new ArrayList<>(list));
        return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(5, object), Tuple.of(2, array));
    }

    private static HttpRequest request(Attempt attempt) {
        String[] methodAndPath = attempt.route().split(" ");
        Matcher matcher = PARAMETER.matcher(methodAndPath[1]);
        StringBuilder path = new StringBuilder();
        int next = 0;
        while (matcher.find()) {
            String id = next < attempt.ids().size()
                    ? attempt.ids().get(next)
                    : parties.own().order();
            matcher.appendReplacement(path, Matcher.quoteReplacement(id.isEmpty() ? "x" : id));
            next++;
        }
        matcher.appendTail(path);
        HttpRequest.Builder builder = system.http()
                .as(token(attempt.caller()))
                .request(path.toString())
                .method(methodAndPath[0], BodyPublishers.ofString(attempt.body(), StandardCharsets.UTF_8));
        if (!attempt.contentType().isEmpty()) {
            builder.header("Content-Type", attempt.contentType());
        }
        attempt.headers().forEach(builder::header);
        return builder.build();
    }

    private static String token(String caller) {
        return switch (caller) {
            case "anonymous" -> null;
            case "admin" -> system.token("admin", null);
            case "forged" ->
                dev.cairn.http.InstallationKey.generate()
                        .issue("admin", "admin", Optional.empty(), Duration.ofMinutes(5), Instant.now());
            default -> system.token(caller, parties.ownIds().get(caller));
        };
    }
}
