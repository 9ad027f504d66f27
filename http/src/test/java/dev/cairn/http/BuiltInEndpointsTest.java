package dev.cairn.http;

import static dev.cairn.http.HttpAssertions.assertAnswer;
import static dev.cairn.http.HttpAssertions.assertError;
import static dev.cairn.http.HttpAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.query.ReadSide;
import dev.cairn.core.store.NewEvent;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BuiltInEndpointsTest extends SharedToyServerTest {

    @Test
    void health_is_up_and_says_it_checks_liveness_only() {
        HttpResponse<String> response = toy.get("/health");

        assertAnswer(response, 200, "{\"status\":\"UP\",\"checks\":\"liveness only; see /ready\"}");
    }

    @Nested
    class Event_log {

        @Test
        void pages_through_the_log_with_next() {
            long start = toy.store.realHead();
            for (int i = 0; i < 3; i++) {
                toy.createCounter("paged-" + i);
            }

            JsonNode first = json(toy.get("/api/events?after=" + start + "&limit=2"));
            JsonNode second =
                    json(toy.get("/api/events?after=" + first.get("next").asText() + "&limit=2"));
            JsonNode empty =
                    json(toy.get("/api/events?after=" + second.get("next").asText()));

            assertThat(first.get("events")).hasSize(2);
            assertThat(first.get("next").asText())
                    .isEqualTo(first.get("events").get(1).get("position").asText());
            assertThat(second.get("events")).hasSize(1);
            assertThat(second.get("events").get(0).get("data").get("name").asText())
                    .isEqualTo("paged-2");
            assertThat(empty.get("events")).isEmpty();
            assertThat(empty.get("next").asText())
                    .as("an empty page keeps the cursor")
                    .isEqualTo(second.get("next").asText());
        }

        @Test
        void describes_each_event_with_its_metadata_and_data_as_json() {
            String id = toy.createCounter("described").get("counterId").asText();

            JsonNode event = json(toy.get("/api/events?stream=counter-" + id))
                    .get("events")
                    .get(0);

            assertThat(event.fieldNames())
                    .toIterable()
                    .containsExactly("position", "streamId", "version", "type", "recordedAt", "data", "metadata");
            assertThat(event.get("position").isTextual()).isTrue();
            assertThat(event.get("streamId").asText()).isEqualTo("counter-" + id);
            assertThat(event.get("version").asLong()).isZero();
            assertThat(event.get("type").asText()).isEqualTo("counter.Created");
            assertThat(Instant.parse(event.get("recordedAt").asText())).isBeforeOrEqualTo(Instant.now());
            assertThat(event.get("data").get("counterId").asText()).isEqualTo(id);
            JsonNode metadata = event.get("metadata");
            assertThat(metadata.fieldNames())
                    .toIterable()
                    .containsExactly("eventId", "correlationId", "causationId", "actor");
            assertThat(UUID.fromString(metadata.get("eventId").asText())).isNotNull();
            assertThat(metadata.get("actor").asText())
                    .as("the toy's requests are the admin's")
                    .isEqualTo("admin:admin-x");
        }

        @Test
        void a_stream_filter_reads_only_that_stream_after_the_cursor() {
            String id = toy.createCounter("filtered").get("counterId").asText();
            toy.createCounter("other");
            JsonNode incremented = json(toy.post("/api/counters/" + id + "/increments", "{\"by\":1}"));
            toy.post("/api/counters/" + id + "/increments", "{\"by\":2}");

            JsonNode all = json(toy.get("/api/events?stream=counter-" + id));
            JsonNode afterFirstIncrement = json(toy.get("/api/events?stream=counter-" + id + "&after="
                    + incremented.get("position").asText()));
            JsonNode limited = json(toy.get("/api/events?stream=counter-" + id + "&limit=1"));

            assertThat(all.get("events"))
                    .extracting(e -> e.get("streamId").asText())
                    .containsOnly("counter-" + id);
            assertThat(all.get("events"))
                    .extracting(e -> e.get("version").asInt())
                    .containsExactly(0, 1, 2);
            assertThat(afterFirstIncrement.get("events"))
                    .extracting(e -> e.get("data").get("by").asInt())
                    .containsExactly(2);
            assertThat(limited.get("events")).hasSize(1);
        }

        @Test
        void data_that_is_not_json_is_base64() {
            byte[] binary = {0, 1, 2, (byte) 0xff, 'x'};
            byte[] bareNumber = "42".getBytes(StandardCharsets.UTF_8);
            toy.store.appendRaw(
                    "raw-1",
                    List.of(
                            NewEvent.of(UUID.randomUUID(), "raw.Binary", binary),
                            NewEvent.of(UUID.randomUUID(), "raw.Number", bareNumber)));

            JsonNode events = json(toy.get("/api/events?stream=raw-1")).get("events");

            assertThat(events.get(0).get("data").asText())
                    .isEqualTo(Base64.getEncoder().encodeToString(binary));
            assertThat(events.get(1).get("data").asText())
                    .isEqualTo(Base64.getEncoder().encodeToString(bareNumber));
        }

        @Test
        void limits_default_to_100_and_stop_at_1000() {
            List<NewEvent> many = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                many.add(NewEvent.of(UUID.randomUUID(), "bulk.Added", "{}".getBytes(StandardCharsets.UTF_8)));
            }
            toy.store.appendRaw("bulk-1", many);

            assertThat(json(toy.get("/api/events?stream=bulk-1")).get("events")).hasSize(100);
            assertThat(json(toy.get("/api/events?stream=bulk-1&limit=1000")).get("events"))
                    .hasSize(150);
            assertError(
                    toy.get("/api/events?limit=1001"),
                    400,
                    "INVALID_PARAMETER",
                    "'limit' must be a whole number from 1 to 1000");
            assertError(toy.get("/api/events?limit=0"), 400, "INVALID_PARAMETER", "'limit'");
        }

        @Test
        void bad_cursors_and_streams_are_400() {
            assertError(
                    toy.get("/api/events?after=x1"),
                    400,
                    "INVALID_PARAMETER",
                    "query parameter 'after': 'x1' is not a log position");
            assertError(
                    toy.get("/api/events?stream=" + "s".repeat(300)),
                    400,
                    "INVALID_PARAMETER",
                    "query parameter 'stream'");
        }
    }

    @Test
    void processors_report_name_position_lag_parked_and_whether_they_run() {
        long head = toy.createCounter("tracked").get("position").asLong();
        await().atMost(Duration.ofSeconds(5)).until(() -> toy.projection.position() >= head);

        JsonNode processors = json(toy.get("/api/processors"));

        assertThat(processors).hasSize(1);
        JsonNode processor = processors.get(0);
        assertThat(processor.fieldNames()).toIterable().containsExactly("name", "position", "lag", "parked", "running");
        assertThat(processor.get("name").asText()).isEqualTo("counter-views");
        assertThat(processor.get("position").asText()).isEqualTo(PositionToken.format(toy.projection.position()));
        assertThat(processor.get("lag").asLong()).isEqualTo(toy.store.realHead() - toy.projection.position());
        assertThat(processor.get("parked").asInt()).isZero();
        assertThat(processor.get("running").asBoolean()).isTrue();
    }

    @Test
    void metrics_are_in_prometheus_text() {
        toy.get("/health");

        HttpResponse<String> response = toy.get("/metrics");

        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(response.body())
                .contains("cairn_http_responses_total{status=\"200\"}")
                .contains("cairn_log_head_position " + toy.store.realHead())
                .contains("cairn_processor_lag{processor=\"counter-views\"}")
                .contains("cairn_stream_clients 0");
    }

    @Test
    void metrics_leave_out_the_log_head_while_the_store_is_down_and_every_line_stays_whole() {
        toy.store.down(true);
        try {
            String body = toy.get("/metrics").body();

            assertThat(body).doesNotContain("cairn_log_head_position").contains("cairn_stream_clients 0");
            assertThat(body.lines()).allSatisfy(line -> assertThat(line).matches("# TYPE \\S+ \\S+|\\S+ -?\\d+"));
        } finally {
            toy.store.down(false);
        }
    }

    @Nested
    class Unknown_routes {

        @Test
        void an_unknown_api_path_is_a_json_404() {
            assertError(toy.get("/api/nothing/here"), 404, "NOT_FOUND", "there is no GET /api/nothing/here");
            assertError(toy.post("/api/nothing", "{}"), 404, "NOT_FOUND", "POST /api/nothing");
        }

        @Test
        void a_known_path_with_another_method_is_a_json_405_with_allow() {
            HttpResponse<String> response = toy.post("/health", "{}");

            assertError(response, 405, "METHOD_NOT_ALLOWED", "POST is not allowed on /health");
            assertThat(response.headers().firstValue("Allow"))
                    .hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
            assertError(
                    toy.send(HttpRequest.newBuilder(toy.uri("/api/counters/x/close"))
                            .DELETE()),
                    405,
                    "METHOD_NOT_ALLOWED",
                    "allowed: POST");
        }
    }

    @Test
    void a_context_serves_its_web_page_at_the_root() {
        HttpResponse<String> response = toy.get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).contains("<h1>Counters</h1>");
    }

    @Nested
    class Configuration {

        @Test
        void a_server_needs_an_event_store() {
            assertThatThrownBy(() -> CairnServer.create(config -> config.port(0)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("config.eventStore(store)");
        }

        @Test
        void starting_on_a_port_in_use_fails() {
            try (var store = new InMemoryEventStore()) {
                CairnServer second = CairnServer.create(config -> config.host("127.0.0.1")
                        .port(toy.server.port())
                        .eventStore(store)
                        .authenticator(TestKeys.TOKENS));

                assertThatThrownBy(second::start)
                        .isInstanceOf(RuntimeException.class)
                        .hasMessageContaining("in use");
            }
        }

        @Test
        void two_routes_with_one_method_and_path_are_refused() {
            try (var store = new InMemoryEventStore()) {
                assertThatThrownBy(() -> CairnServer.create(config -> config.eventStore(store)
                                .authenticator(TestKeys.TOKENS)
                                .context(routes -> routes.command("/api/x", Access.anyRole(), call -> null))
                                .context(routes -> routes.command("/api/x", Access.anyRole(), call -> null))))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("POST /api/x is registered twice");
                assertThatThrownBy(() -> CairnServer.create(config -> config.eventStore(store)
                                .authenticator(TestKeys.TOKENS)
                                .context(routes -> routes.query(
                                        "/api/events",
                                        Access.anyRole(),
                                        new ReadSide<>(store, new StoreHead(store)),
                                        (view, call) -> null))))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("GET /api/events is registered twice");
            }
        }
    }
}
