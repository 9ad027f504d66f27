package dev.cairn.http;

import static dev.cairn.http.HttpAssertions.assertAnswer;
import static dev.cairn.http.HttpAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /ready} is 200 only while the store takes appends and every processor runs; {@code /health} stays 200. */
class ReadinessTest {
    ToyServer toy;

    @BeforeEach
    void start() {
        toy = ToyServer.start();
    }

    @AfterEach
    void stop() {
        toy.close();
    }

    @Test
    void ready_while_the_store_is_writable_and_every_processor_runs() {
        HttpResponse<String> response = toy.get("/ready");

        assertAnswer(response, 200, "{\"status\":\"READY\"}");
    }

    @Test
    void not_ready_with_the_reason_while_the_store_takes_no_appends_but_still_alive() {
        toy.store.down(true);

        HttpResponse<String> response = toy.get("/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode body = json(response);
        assertThat(body.get("status").asText()).isEqualTo("NOT_READY");
        assertThat(body.get("reasons").get(0).asText())
                .isEqualTo("the event store takes no appends: the test took the store down");
        assertThat(toy.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void not_ready_naming_a_processor_that_stopped() {
        toy.projection.stop();

        HttpResponse<String> response = toy.get("/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).get("reasons").get(0).asText()).isEqualTo("processor counter-views is stopped");
        assertThat(json(toy.get("/api/processors")).get(0).get("running").asBoolean())
                .isFalse();
    }
}
