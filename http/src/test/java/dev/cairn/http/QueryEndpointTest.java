package dev.cairn.http;

import static dev.cairn.http.HttpAssertions.assertError;
import static dev.cairn.http.HttpAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QueryEndpointTest {

    static ToyServer toy;
    /** Waits long enough for a view slowed down far beyond any request's latency, so "it lags" is certain. */
    static ToyServer patient;

    @BeforeAll
    static void start() {
        toy = ToyServer.start();
        patient = ToyServer.start(config -> config.consistencyTimeout(Duration.ofSeconds(10)));
    }

    @AfterAll
    static void stop() {
        toy.close();
        patient.close();
    }

    @AfterEach
    void views_keep_up_again() {
        toy.views.delayEachEvent(0);
        patient.views.delayEachEvent(0);
    }

    @Nested
    class Answers {

        @Test
        void a_query_answers_200_with_the_position_the_view_has_processed() {
            JsonNode created = toy.createCounter("answered");
            String id = created.get("counterId").asText();
            long position = created.get("position").asLong();
            await().atMost(Duration.ofSeconds(5)).until(() -> toy.projection.position() >= position);

            HttpResponse<String> response = toy.get("/api/counters/" + id);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).get("name").asText()).isEqualTo("answered");
            assertThat(json(response).get("updatedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(response.headers().firstValue("Cairn-Position")).isPresent();
            assertThat(Long.parseLong(
                            response.headers().firstValue("Cairn-Position").orElseThrow()))
                    .isGreaterThanOrEqualTo(position)
                    .isLessThanOrEqualTo(toy.projection.position());
        }

        @Test
        void an_unknown_resource_is_404_and_still_says_how_far_the_view_was() {
            HttpResponse<String> response = toy.get("/api/counters/no-such-counter");

            assertError(response, 404, "NOT_FOUND", "/api/counters/no-such-counter");
            assertThat(response.headers().firstValue("Cairn-Position")).isPresent();
        }

        @Test
        void a_bad_query_parameter_is_400_naming_it() {
            assertError(
                    toy.get("/api/counters?limit=0"),
                    400,
                    "INVALID_PARAMETER",
                    "query parameter 'limit' must be a whole number from 1 to 500");
            assertError(toy.get("/api/counters?limit=ten"), 400, "INVALID_PARAMETER", "'limit'");
        }

        @Test
        void a_query_keeps_answering_from_its_view_while_the_store_is_down() {
            String id = toy.createCounter("resilient").get("counterId").asText();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> toy.get("/api/counters/" + id).statusCode() == 200);
            toy.store.down(true);
            try {
                HttpResponse<String> response = toy.get("/api/counters/" + id);

                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(json(response).get("name").asText()).isEqualTo("resilient");
            } finally {
                toy.store.down(false);
            }
        }
    }

    @Nested
    class Read_your_writes {

        @Test
        void a_query_consistent_with_a_command_sees_its_write_though_the_view_lags() {
            patient.views.delayEachEvent(1_500);
            JsonNode created = patient.createCounter("fresh");
            String id = created.get("counterId").asText();
            String position = created.get("position").asText();

            HttpResponse<String> eventual = patient.get("/api/counters/" + id);
            HttpResponse<String> consistent = patient.get("/api/counters/" + id + "?consistentWith=" + position);

            assertThat(eventual.statusCode())
                    .as("without consistentWith the lagging view does not know it yet")
                    .isEqualTo(404);
            assertThat(consistent.statusCode()).isEqualTo(200);
            assertThat(json(consistent).get("counterId").asText()).isEqualTo(id);
            assertThat(Long.parseLong(
                            consistent.headers().firstValue("Cairn-Position").orElseThrow()))
                    .isGreaterThanOrEqualTo(Long.parseLong(position));
        }

        @Test
        void an_increment_is_seen_by_a_query_consistent_with_it() {
            String id = patient.createCounter("steps").get("counterId").asText();
            patient.views.delayEachEvent(500);
            String position = json(patient.post("/api/counters/" + id + "/increments", "{\"by\":4}"))
                    .get("position")
                    .asText();

            HttpResponse<String> response = patient.get("/api/counters/" + id + "?consistentWith=" + position);

            assertThat(json(response).get("total").asLong()).isEqualTo(4);
        }

        @Test
        void a_position_the_view_does_not_reach_in_time_is_503() {
            long beyond = toy.store.realHead() + 1_000;
            long started = System.nanoTime();

            HttpResponse<String> response = toy.get("/api/counters?consistentWith=" + beyond);

            assertError(response, 503, "CONSISTENCY_TIMEOUT", "not yet " + beyond);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isGreaterThanOrEqualTo(ToyServer.CONSISTENCY_TIMEOUT);
        }

        @Test
        void an_unparsable_position_is_400_naming_the_parameter() {
            assertError(
                    toy.get("/api/counters?consistentWith=12abc"),
                    400,
                    "INVALID_PARAMETER",
                    "query parameter 'consistentWith': '12abc' is not a log position");
            assertError(toy.get("/api/counters?consistentWith=-3"), 400, "INVALID_PARAMETER", "consistentWith");
            assertError(
                    toy.get("/api/counters?consistentWith=99999999999999999999"),
                    400,
                    "INVALID_PARAMETER",
                    "beyond the largest log position");
        }
    }
}
