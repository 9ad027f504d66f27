package dev.cairn.restaurant.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.restaurant.systemtests.RouteAccessTable.Caller;
import dev.cairn.restaurant.systemtests.RouteAccessTable.Expect;
import dev.cairn.restaurant.systemtests.RouteAccessTable.Request;
import dev.cairn.restaurant.systemtests.RouteAccessTable.Row;
import dev.cairn.restaurant.systemtests.RouteAccessTable.Whose;
import dev.cairn.restaurant.systemtests.support.Http;
import dev.cairn.restaurant.systemtests.support.Parties;
import dev.cairn.restaurant.systemtests.support.Reply;
import dev.cairn.restaurant.systemtests.support.TestSystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route the server answers × every caller (anonymous, admin, consumer, restaurant, courier)
 * × the caller's own resource, someone else's and a missing one, against {@link RouteAccessTable}.
 * Every refused request must leave the log's head where it was.
 */
class RouteAccessTest {

    static TestSystem system;
    static Parties parties;

    @BeforeAll
    static void start() {
        system = TestSystem.start();
        parties = Parties.create(system.api());
        system.api().settle();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    record Case(String route, Caller caller, Whose whose, Request request, Expect expected) {
        @Override
        public String toString() {
            return caller + " " + request.method() + " " + request.path() + " (" + whose + " of " + route + ")";
        }
    }

    @Test
    void the_table_has_a_row_for_every_route_the_server_answers() {
        Set<String> served = system.system().routes().stream()
                .map(RouteAccessTest::methodAndPath)
                .collect(Collectors.toSet());

        assertThat(RouteAccessTable.rows().keySet())
                .as("add a row to RouteAccessTable for every new route (and drop the rows of removed ones)")
                .containsExactlyInAnyOrderElementsOf(served);
    }

    /**
     * Refusals first, while nothing is in flight, so the head can only move if a refused request
     * appended; the admitted cases then run on the same parties (no admitted command changes who
     * owns what).
     */
    @Test
    void every_caller_gets_what_the_contract_says_and_a_refusal_appends_nothing() {
        system.api().settle();

        assertThat(mismatches(RouteAccessTable.rows()))
                .as("cases answered against the table")
                .isEmpty();
    }

    /** The check is not vacuous: a table that contradicts the server on two routes is caught on exactly those. */
    @Test
    void a_table_that_says_otherwise_than_the_server_is_caught() {
        Map<String, Row> wrong = new LinkedHashMap<>();
        Row consumer = RouteAccessTable.rows().get("GET /api/consumers/{consumerId}");
        wrong.put(
                "GET /api/consumers/{consumerId}",
                new Row(
                        consumer.request(),
                        (caller, whose) -> caller == Caller.CONSUMER && whose == Whose.FOREIGN
                                ? Expect.ADMITTED
                                : consumer.rule().expect(caller, whose)));
        Row tokens = RouteAccessTable.rows().get("POST /api/tokens");
        wrong.put(
                "POST /api/tokens",
                new Row(
                        tokens.request(),
                        (caller, whose) -> caller == Caller.COURIER
                                ? Expect.NOT_FOUND
                                : tokens.rule().expect(caller, whose)));

        assertThat(mismatches(wrong))
                .hasSize(1 + Whose.values().length)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("CONSUMER GET /api/consumers/")
                        .contains("expected ADMITTED, got 404"))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("COURIER POST /api/tokens")
                        .contains("expected NOT_FOUND, got 403"));
    }

    /**
     * Every case of {@code rows}, refusals first, while nothing is in flight, so the head can only
     * move if a refused request appended; the admitted cases then run on the same parties (no
     * admitted command changes who owns what). Returns what was answered against the table.
     */
    private static List<String> mismatches(Map<String, Row> rows) {
        List<Case> cases = cases(rows);
        List<String> wrong = new ArrayList<>();
        for (Case c :
                cases.stream().filter(c -> c.expected() != Expect.ADMITTED).toList()) {
            long head = system.store().realHead();
            Reply reply = send(c);
            check(c, reply).ifPresent(wrong::add);
            if (system.store().realHead() != head) {
                wrong.add(c + ": refused with " + reply.status() + " but the head moved from " + head + " to "
                        + system.store().realHead());
            }
        }
        for (Case c :
                cases.stream().filter(c -> c.expected() == Expect.ADMITTED).toList()) {
            check(c, send(c)).ifPresent(wrong::add);
        }
        assertThat(cases).hasSize(rows.size() * Caller.values().length * Whose.values().length);
        return wrong;
    }

    private static List<Case> cases(Map<String, Row> rows) {
        List<Case> cases = new ArrayList<>();
        rows.forEach((route, row) -> {
            for (Caller caller : Caller.values()) {
                for (Whose whose : Whose.values()) {
                    cases.add(new Case(
                            route,
                            caller,
                            whose,
                            row.request().apply(side(whose)),
                            row.rule().expect(caller, whose)));
                }
            }
        });
        return cases;
    }

    private static Parties.Side side(Whose whose) {
        return switch (whose) {
            case OWN -> parties.own();
            case FOREIGN -> parties.foreign();
            case MISSING -> parties.missing();
        };
    }

    private static Optional<String> check(Case c, Reply reply) {
        int status = reply.status();
        boolean right = switch (c.expected()) {
            case ADMITTED -> status / 100 == 2 || Set.of(400, 409, 422).contains(status);
            case UNAUTHENTICATED ->
                status == 401
                        && errorIs(reply, "UNAUTHENTICATED")
                        && reply.header("WWW-Authenticate")
                                .filter("Bearer"::equals)
                                .isPresent();
            case FORBIDDEN -> status == 403 && errorIs(reply, "FORBIDDEN");
            case NOT_FOUND -> status == 404;
        };
        return right
                ? Optional.empty()
                : Optional.of(c + ": expected " + c.expected() + ", got " + status + " " + reply.body());
    }

    private static boolean errorIs(Reply reply, String code) {
        return reply.body() != null
                && reply.body().contains("\"error\":\"" + code + "\"")
                && reply.body().contains("\"message\":\"");
    }

    private static Reply send(Case c) {
        Http http = system.http().as(token(c.caller()));
        HttpRequest.Builder builder = http.request(c.request().path());
        if (c.request().body() == null) {
            builder.method(c.request().method(), BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", Http.APPLICATION_JSON)
                    .method(
                            c.request().method(),
                            BodyPublishers.ofString(Http.json(c.request().body()), StandardCharsets.UTF_8));
        }
        HttpRequest request = builder.build();
        try {
            // The event stream never ends: read the status and headers, then hang up.
            var response = http.client().send(request, BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                boolean stream =
                        response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
                body = stream ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Reply(c.toString(), response.statusCode(), response.headers(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(c.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String token(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> null;
            case ADMIN -> system.token("admin", null);
            case CONSUMER, RESTAURANT, COURIER -> {
                String role = caller.name().toLowerCase(Locale.ROOT);
                yield system.token(role, parties.ownIds().get(role));
            }
        };
    }

    /** {@code "GET /api/events roles [admin]"} → {@code "GET /api/events"}. */
    private static String methodAndPath(String route) {
        String[] parts = route.split(" ", 3);
        return parts[0] + " " + parts[1];
    }
}
