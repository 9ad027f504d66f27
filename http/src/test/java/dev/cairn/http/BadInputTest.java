package dev.cairn.http;

import static dev.cairn.http.HttpAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.command.CommandResult;
import dev.cairn.http.toy.CounterRoutes;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input is answered with the contract's 4xx and a message naming the problem, never reaches
 * the command function and never appends an event. Each case is sent to the counter context (the
 * log's head must not move) and to a probe route with the same body (which must not be called).
 */
class BadInputTest {

    static final String VALID =
            "{\"name\":\"ok\",\"start\":1,\"template\":\"plain\",\"labels\":[{\"key\":\"a\",\"weight\":2}]}";
    static final AtomicInteger probeCalls = new AtomicInteger();
    static ToyServer toy;
    long head;

    @BeforeAll
    static void start() {
        toy = ToyServer.start(config -> config.context(routes ->
                routes.command("/api/probe", Access.anyRole(), CounterRoutes.CreateCounterBody.class, (body, call) -> {
                    probeCalls.incrementAndGet();
                    return CommandReply.created("probeId", "p", new CommandResult.Accepted("probe-p", 0, 0));
                })));
    }

    @AfterAll
    static void stop() {
        toy.close();
    }

    @BeforeEach
    void remember_the_head() {
        head = toy.store.realHead();
        probeCalls.set(0);
    }

    @AfterEach
    void nothing_was_appended_and_no_route_ran() {
        assertThat(toy.store.realHead()).as("the log's head").isEqualTo(head);
        assertThat(probeCalls).as("calls of the command function").hasValue(0);
    }

    static Stream<Arguments> bad_bodies() {
        return Stream.of(
                Arguments.of("{\"name\":", "MALFORMED_JSON", "not valid JSON at line 1"),
                Arguments.of("{\"name\":\"a\"} trailing", "MALFORMED_JSON", "not valid JSON"),
                Arguments.of(
                        "{\"name\":\"a\"} {\"name\":\"b\"}",
                        "MALFORMED_JSON",
                        "more content follows the first JSON value"),
                Arguments.of(
                        "{\"name\":\"a\",\"name\":\"b\",\"start\":1,\"template\":\"plain\",\"labels\":[]}",
                        "MALFORMED_JSON",
                        "Duplicate field 'name'"),
                Arguments.of("", "MALFORMED_JSON", "the body is empty"),
                Arguments.of("   ", "MALFORMED_JSON", "the body is empty"),
                Arguments.of("[1,2]", "INVALID_BODY", "must be a JSON object, not an array"),
                Arguments.of(
                        "{\"start\":1,\"template\":\"plain\",\"labels\":[]}",
                        "MISSING_FIELD",
                        "field 'name' is required"),
                Arguments.of(
                        "{\"name\":\"a\",\"start\":1,\"template\":null,\"labels\":[]}",
                        "MISSING_FIELD",
                        "field 'template' is required"),
                Arguments.of(
                        "{\"name\":\"a\",\"template\":\"plain\",\"labels\":[]}",
                        "MISSING_FIELD",
                        "field 'start' is required"),
                Arguments.of(
                        "{\"name\":\"a\",\"start\":1,\"template\":\"plain\",\"labels\":[{\"key\":\"k\",\"weight\":1},{\"key\":\"k\"}]}",
                        "MISSING_FIELD",
                        "field 'labels[1].weight' is required"),
                Arguments.of(
                        "{\"name\":\"a\",\"start\":1,\"template\":\"plain\",\"labels\":[null]}",
                        "MISSING_FIELD",
                        "'labels[0]' must not be null"),
                Arguments.of(
                        "{\"name\":\"a\",\"start\":\"5\",\"template\":\"plain\",\"labels\":[]}",
                        "INVALID_FIELD",
                        "field 'start' must be a whole number"),
                Arguments.of(
                        "{\"name\":\"a\",\"start\":1.5,\"template\":\"plain\",\"labels\":[]}",
                        "INVALID_FIELD",
                        "field 'start' must be a whole number"),
                Arguments.of(
                        "{\"name\":\"a\",\"start\":true,\"template\":\"plain\",\"labels\":[]}",
                        "INVALID_FIELD",
                        "field 'start' must be a whole number"),
                Arguments.of(
                        "{\"name\":5,\"start\":1,\"template\":\"plain\",\"labels\":[]}",
                        "INVALID_FIELD",
                        "field 'name' must be a string"),
                Arguments.of(
                        "{\"name\":{},\"start\":1,\"template\":\"plain\",\"labels\":[]}",
                        "INVALID_FIELD",
                        "field 'name' must be a string"),
                Arguments.of(
                        "{\"name\":\"a\",\"start\":1,\"template\":\"plain\",\"labels\":{}}",
                        "INVALID_FIELD",
                        "field 'labels' must be an array"),
                Arguments.of(
                        "{\"name\":\"a\",\"start\":1,\"template\":\"plain\",\"labels\":[{\"key\":\"k\",\"weight\":\"x\"}]}",
                        "INVALID_FIELD",
                        "field 'labels[0].weight' must be a whole number"),
                Arguments.of(
                        "{\"name\":\"a\",\"start\":99999999999,\"template\":\"plain\",\"labels\":[]}",
                        "INVALID_FIELD",
                        "field 'start' is out of range for a whole number"),
                Arguments.of(
                        "{\"name\":\"a\",\"start\":1,\"template\":\"plain\",\"labels\":[{\"key\":\"k\",\"weight\":11}]}",
                        "INVALID_FIELD",
                        "field 'labels[0]' is invalid: weight must be from 1 to 10, was 11"),
                Arguments.of(
                        "{\"name\":\"  \",\"start\":1,\"template\":\"plain\",\"labels\":[]}",
                        "INVALID_FIELD",
                        "name must not be blank"),
                Arguments.of(
                        "{\"name\":\"a\",\"start\":1,\"template\":\"plain\",\"labels\":[],\"startsAt\":5}",
                        "INVALID_FIELD",
                        "field 'startsAt' must be an ISO-8601 instant"),
                Arguments.of(
                        "{\"name\":\"a\",\"start\":1,\"template\":\"plain\",\"labels\":[],\"startsAt\":\"yesterday\"}",
                        "INVALID_FIELD",
                        "field 'startsAt' must be an ISO-8601 instant"),
                Arguments.of(
                        "{\"name\":\"a\",\"start\":1,\"template\":\"plain\",\"labels\":[],\"note\":7}",
                        "INVALID_FIELD",
                        "field 'note' must be a string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad_bodies")
    void a_bad_body_is_400_naming_the_problem(String body, String code, String message) {
        assertError(toy.post("/api/counters", body), 400, code, message);
        assertError(toy.post("/api/probe", body), 400, code, message);
    }

    @Test
    void bytes_that_are_not_utf_8_are_malformed_json() {
        byte[] latin1 = "{\"name\":\"caf\u00e9\",\"start\":1,\"template\":\"plain\",\"labels\":[]}"
                .getBytes(StandardCharsets.ISO_8859_1);
        var request = HttpRequest.newBuilder(toy.uri("/api/probe"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(latin1));

        assertError(toy.send(request), 400, "MALFORMED_JSON", "not valid JSON");
    }

    @Nested
    class Content_type {

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "text/plain",
                    "application/x-www-form-urlencoded",
                    "application/jsonx",
                    "application/json; charset=ISO-8859-1"
                })
        void a_body_that_is_not_declared_as_json_is_415(String contentType) {
            assertError(
                    toy.post("/api/counters", contentType, VALID), 415, "UNSUPPORTED_MEDIA_TYPE", "application/json");
            assertError(toy.post("/api/probe", contentType, VALID), 415, "UNSUPPORTED_MEDIA_TYPE", contentType);
        }

        @Test
        void a_body_without_a_content_type_is_415() {
            assertError(toy.post("/api/probe", null, VALID), 415, "UNSUPPORTED_MEDIA_TYPE", "no Content-Type");
        }

        @Test
        void a_bodiless_command_sent_a_body_of_another_type_is_415() {
            assertError(
                    toy.post("/api/counters/any/close", "text/plain", "close it"),
                    415,
                    "UNSUPPORTED_MEDIA_TYPE",
                    "text/plain");
        }
    }

    @Nested
    class Size {

        @Test
        void a_body_declared_larger_than_64_KiB_is_413() {
            String big = "{\"name\":\"" + "x".repeat(70_000) + "\",\"start\":1,\"template\":\"plain\",\"labels\":[]}";

            assertError(toy.post("/api/counters", big), 413, "PAYLOAD_TOO_LARGE", "65536 bytes");
            assertError(toy.post("/api/probe", big), 413, "PAYLOAD_TOO_LARGE", "65536 bytes");
        }

        @Test
        void a_chunked_body_that_turns_out_larger_than_64_KiB_is_413() {
            byte[] big = ("{\"name\":\"" + "x".repeat(70_000) + "\",\"start\":1,\"template\":\"plain\",\"labels\":[]}")
                    .getBytes(StandardCharsets.UTF_8);
            // A body publisher of unknown length makes the client send it chunked, without Content-Length.
            var request = HttpRequest.newBuilder(toy.uri("/api/probe"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));

            HttpResponse<String> response = toy.send(request);

            assertError(response, 413, "PAYLOAD_TOO_LARGE", "65536 bytes");
        }
    }

    @Nested
    class Accepted_as_input {

        @Test
        void a_body_just_under_the_limit_with_unknown_fields_and_a_charset_is_accepted() {
            String body = "{\"name\":\"n\",\"start\":1,\"template\":\"plain\",\"labels\":[],\"note\":\""
                    + "y".repeat(60_000) + "\",\"unknownField\":{\"nested\":[1,2]}}";

            HttpResponse<String> response = toy.post("/api/counters", "Application/JSON; charset=UTF-8", body);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            head = toy.store.realHead(); // this case appends, on purpose
        }
    }

    @Nested
    class Refused_by_jetty_itself {

        @Test
        void a_path_with_an_encoded_nul_is_a_json_400() {
            var request = HttpRequest.newBuilder(toy.uri("/api/probe%00"))
                    .header("Authorization", TestKeys.adminBearer())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(VALID));

            HttpResponse<String> response = toy.send(request);

            assertError(response, 400, "BAD_REQUEST", "refused before it reached a route");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }
}
