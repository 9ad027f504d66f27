package dev.cairn.http;

import static dev.cairn.http.HttpAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.processing.ProcessorStatus;
import dev.cairn.core.query.ProcessedPosition;
import dev.cairn.core.query.ReadSide;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code Cairn-Stale} on the queries of a side that reports it, and rows of {@code /api/processors} that come and go. */
class StalenessAndStatusSourcesTest {

    private final AtomicReference<Duration> stale = new AtomicReference<>(Duration.ofMillis(120));
    private final List<ProcessorStatus> partitions = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private InMemoryEventStore store;
    private CairnServer server;

    @BeforeEach
    void start() {
        store = new InMemoryEventStore();
        ProcessedPosition view = new ProcessedPosition() {
            @Override
            public long position() {
                return 7;
            }

            @Override
            public boolean awaitPosition(long position, Duration timeout) {
                return position <= 7;
            }
        };
        ReadSide<Map<String, String>> side = new ReadSide<>(Map.of("a", "apple"), view);
        server = CairnServer.create(config -> config.host("127.0.0.1")
                        .port(0)
                        .eventStore(store)
                        .authenticator(TestKeys.TOKENS)
                        .processorStatus(() -> partitions)
                        .context(routes -> routes.query(
                                        "/plain/{key}",
                                        Access.anyone(),
                                        side,
                                        (fruits, call) -> Optional.ofNullable(fruits.get(call.pathParam("key"))))
                                .staleness(stale::get)
                                .query(
                                        "/fruits/{key}",
                                        Access.anyone(),
                                        side,
                                        (fruits, call) -> Optional.ofNullable(fruits.get(call.pathParam("key"))))))
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    @Test
    void queries_registered_after_a_staleness_carry_it_in_seconds_404s_too_and_the_others_do_not() throws Exception {
        HttpResponse<String> fresh = get("/fruits/a");
        stale.set(Duration.ofMillis(93_456));
        HttpResponse<String> behind = get("/fruits/a");
        HttpResponse<String> missing = get("/fruits/zzz");
        HttpResponse<String> plain = get("/plain/a");

        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(fresh.headers().firstValue("Cairn-Stale")).contains("0.120");
        assertThat(behind.headers().firstValue("Cairn-Stale")).contains("93.456");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Cairn-Stale")).contains("93.456");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Cairn-Stale")).isEmpty();
    }

    @Test
    void processors_and_metrics_list_the_rows_of_a_status_source_as_they_are_at_each_request() throws Exception {
        assertThat(json(get("/api/processors"))).isEmpty();

        partitions.add(new ProcessorStatus("kitchen#0", 65_536, 3, 1, true));
        partitions.add(new ProcessorStatus("kitchen#2", 0, 0, 0, true));
        JsonNode rows = json(get("/api/processors"));

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("name").asText()).isEqualTo("kitchen#0");
        assertThat(rows.get(0).get("lag").asLong()).isEqualTo(3);
        assertThat(rows.get(0).get("parked").asInt()).isEqualTo(1);
        assertThat(rows.get(1).get("name").asText()).isEqualTo("kitchen#2");
        assertThat(get("/metrics").body())
                .contains("cairn_processor_lag{processor=\"kitchen#0\"} 3")
                .contains("cairn_processor_position{processor=\"kitchen#2\"} 0");
        partitions.clear();
        assertThat(json(get("/api/processors"))).isEmpty();
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = server.uri().resolve(path);
        return client.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", TestKeys.adminBearer())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
