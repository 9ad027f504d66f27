package dev.cairn.http;

import static dev.cairn.http.HttpAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.command.ConcurrencyConflictException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CommandEndpointTest {

    /** A body type Jackson cannot construct: a mistake in the route, not in the request. */
    interface Unbindable {}

    static final String A_COUNTER = "{\"name\":\"y\",\"start\":0,\"template\":\"plain\",\"labels\":[]}";

    static ToyServer toy;

    @BeforeAll
    static void start() {
        toy = ToyServer.start(config ->
                config.context(routes -> routes.command("/api/trouble/conflict", Access.anyRole(), call -> {
                            throw new ConcurrencyConflictException("counter-x", 8);
                        })
                        .command("/api/trouble/bug", Access.anyRole(), call -> {
                            throw new IllegalStateException("a secret detail that must not reach the client");
                        })
                        .command("/api/trouble/unbindable", Access.anyRole(), Unbindable.class, (body, call) -> {
                            throw new AssertionError("never reached");
                        })));
    }

    @AfterAll
    static void stop() {
        toy.close();
    }

    @Nested
    class When_accepted {

        @Test
        void a_creation_answers_201_with_the_id_and_the_position_of_its_event() {
            HttpResponse<String> response =
                    toy.post("/api/counters", "{\"name\":\"visits\",\"start\":3,\"template\":\"plain\",\"labels\":[]}");

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            JsonNode body = toy.body(response);
            assertThat(body.fieldNames()).toIterable().containsExactly("counterId", "position");
            assertThat(body.get("counterId").asText()).isNotBlank();
            assertThat(body.get("position").isTextual()).isTrue();
            assertThat(Long.parseLong(body.get("position").asText())).isEqualTo(toy.store.realHead());
            assertThat(toy.store.readStream("counter-" + body.get("counterId").asText(), 0))
                    .hasSize(1);
        }

        @Test
        void a_command_on_an_existing_entity_answers_202_with_its_id_and_position() {
            String id = toy.createCounter("clicks").get("counterId").asText();

            HttpResponse<String> response = toy.post("/api/counters/" + id + "/increments", "{\"by\":2}");

            assertThat(response.statusCode()).isEqualTo(202);
            JsonNode body = toy.body(response);
            assertThat(body.get("counterId").asText()).isEqualTo(id);
            assertThat(body.get("position").asText()).isEqualTo(PositionToken.format(toy.store.realHead()));
        }

        @Test
        void a_command_without_a_body_needs_no_content_type() {
            String id = toy.createCounter("doors").get("counterId").asText();

            HttpResponse<String> response = toy.post("/api/counters/" + id + "/close", null, "");

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(toy.body(response).get("counterId").asText()).isEqualTo(id);
        }
    }

    @Nested
    class When_rejected {

        @Test
        void a_command_on_an_unknown_entity_is_404_with_the_rejection_reason() {
            assertRefusedAppendingNothing(
                    "/api/counters/nope/increments",
                    "{\"by\":1}",
                    404,
                    "COUNTER_NOT_FOUND",
                    "counter nope does not exist");
        }

        @Test
        void a_command_not_allowed_in_the_current_state_is_409() {
            String id = toy.createCounter("closing").get("counterId").asText();
            toy.post("/api/counters/" + id + "/close", null, "");

            assertRefusedAppendingNothing(
                    "/api/counters/" + id + "/increments", "{\"by\":1}", 409, "COUNTER_CLOSED", "is closed");
        }

        @Test
        void a_command_referring_to_something_unknown_is_422() {
            assertRefusedAppendingNothing(
                    "/api/counters",
                    "{\"name\":\"x\",\"start\":0,\"template\":\"weekly\",\"labels\":[]}",
                    422,
                    "UNKNOWN_TEMPLATE",
                    "template 'weekly' is unknown");
        }

        @Test
        void a_command_the_decider_finds_invalid_is_400() {
            String id = toy.createCounter("unlucky").get("counterId").asText();

            assertRefusedAppendingNothing(
                    "/api/counters/" + id + "/increments",
                    "{\"by\":13}",
                    400,
                    "UNLUCKY_INCREMENT",
                    "13 is not allowed");
        }

        @Test
        void a_concurrency_conflict_is_409() {
            assertError(
                    toy.post("/api/trouble/conflict", null, ""), 409, "CONCURRENCY_CONFLICT", "changed concurrently");
        }

        @Test
        void an_unavailable_store_is_503_with_retry_after() {
            long head = toy.store.realHead();
            toy.store.down(true);
            try {
                HttpResponse<String> response =
                        toy.post("/api/counters", "{\"name\":\"x\",\"start\":0,\"template\":\"plain\",\"labels\":[]}");

                assertError(response, 503, "STORE_UNAVAILABLE", "event store is unavailable");
                assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            } finally {
                toy.store.down(false);
            }
            assertThat(toy.store.realHead()).isEqualTo(head);
        }

        @Test
        void a_body_type_that_cannot_be_bound_is_a_server_error_not_the_clients() {
            assertError(
                    toy.post("/api/trouble/unbindable", "{\"any\":1}"), 500, "INTERNAL_ERROR", "the error was logged");
        }

        @Test
        void an_unexpected_failure_is_500_without_its_details() {
            HttpResponse<String> response = toy.post("/api/trouble/bug", null, "");

            assertError(response, 500, "INTERNAL_ERROR", "the error was logged");
            assertThat(response.body()).doesNotContain("secret");
        }
    }

    @Nested
    class With_consistent_with {

        @Test
        void a_position_the_log_has_reached_is_served_at_once() {
            long head = toy.createCounter("now").get("position").asLong();

            HttpResponse<String> response = toy.post("/api/counters?consistentWith=" + head, A_COUNTER);

            assertThat(response.statusCode()).isEqualTo(201);
        }

        @Test
        void a_position_beyond_the_log_waits_then_is_503_and_appends_nothing() {
            long beyond = toy.store.realHead() + 1000;
            long started = System.nanoTime();

            assertRefusedAppendingNothing(
                    "/api/counters?consistentWith=" + beyond,
                    A_COUNTER,
                    503,
                    "CONSISTENCY_TIMEOUT",
                    "not yet " + beyond);

            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isGreaterThanOrEqualTo(ToyServer.CONSISTENCY_TIMEOUT);
        }

        @Test
        void a_position_reached_while_waiting_is_served() throws Exception {
            String id = toy.createCounter("later").get("counterId").asText();
            long next = toy.store.realHead() + 1;
            Thread appender = Thread.ofVirtual().start(() -> {
                sleep(200);
                toy.post("/api/counters/" + id + "/increments", "{\"by\":1}");
            });

            HttpResponse<String> response =
                    toy.post("/api/counters/" + id + "/increments?consistentWith=" + next, "{\"by\":5}");

            appender.join();
            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(toy.body(response).get("position").asLong()).isGreaterThan(next);
        }

        @Test
        void an_unparsable_position_is_400_naming_the_parameter_and_appends_nothing() {
            assertRefusedAppendingNothing(
                    "/api/counters?consistentWith=abc", A_COUNTER, 400, "INVALID_PARAMETER", "consistentWith");
        }
    }

    /** Sends a command that must be refused as given, and checks that the log's head did not move. */
    static void assertRefusedAppendingNothing(String path, String body, int status, String code, String message) {
        long head = toy.store.realHead();

        HttpResponse<String> response = toy.post(path, body);

        assertError(response, status, code, message);
        assertThat(toy.store.realHead()).as("the log's head").isEqualTo(head);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
