package dev.cairn.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventStreamTest {

    /** An item that counts how often it is turned into JSON (Jackson reads a record through its accessors). */
    record Counted(String label) {
        static final AtomicInteger serializations = new AtomicInteger();

        @Override
        public String label() {
            serializations.incrementAndGet();
            return label;
        }
    }

    static final SubmissionPublisher<Counted> probes = new SubmissionPublisher<>();
    static ToyServer toy;
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        toy = ToyServer.start(config -> config.context(routes -> routes.stream(probes, (principal, probe) -> true)));
    }

    @AfterAll
    static void stop() {
        toy.close();
        probes.close();
    }

    @Test
    void every_connected_client_receives_every_item_in_order() throws Exception {
        try (Client first = connect(toy);
                Client second = connect(toy)) {
            awaitClients(2);

            String id = toy.createCounter("streamed").get("counterId").asText();
            toy.post("/api/counters/" + id + "/increments", "{\"by\":3}");

            for (Client client : List.of(first, second)) {
                assertThat(client.response.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
                List<JsonNode> views = client.dataFor(id, 2);
                assertThat(views).extracting(v -> v.get("total").asLong()).containsExactly(0L, 3L);
            }
        }
    }

    @Test
    void an_item_is_serialized_once_however_many_clients_there_are() throws Exception {
        try (Client first = connect(toy);
                Client second = connect(toy);
                Client third = connect(toy)) {
            awaitClients(3);
            int before = Counted.serializations.get();

            for (int i = 0; i < 5; i++) {
                probes.submit(new Counted("probe-" + i));
            }

            for (Client client : List.of(first, second, third)) {
                assertThat(client.dataWithField("label", 5))
                        .extracting(v -> v.get("label").asText())
                        .containsExactly("probe-0", "probe-1", "probe-2", "probe-3", "probe-4");
            }
            assertThat(Counted.serializations.get() - before).isEqualTo(5);
        }
    }

    @Test
    void an_idle_stream_gets_heartbeat_comments() throws Exception {
        try (Client client = connect(toy)) {
            String line;
            do {
                line = client.lines.poll(5, TimeUnit.SECONDS);
            } while (line != null && !line.equals(": heartbeat"));

            assertThat(line).isEqualTo(": heartbeat");
        }
    }

    @Test
    void a_client_that_goes_away_is_removed() throws Exception {
        Client client = connect(toy);
        awaitClients(1);

        client.close();

        awaitClients(0);
    }

    @Test
    void stopping_the_server_ends_every_stream() throws Exception {
        ToyServer own = ToyServer.start();
        try (Client client = connect(own)) {
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> own.get("/metrics").body().contains("cairn_stream_clients 1"));

            own.server.stop();

            await().atMost(Duration.ofSeconds(5)).until(() -> client.ended);
        } finally {
            own.close();
        }
    }

    private static void awaitClients(int count) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> toy.get("/metrics").body().contains("cairn_stream_clients " + count + "\n"));
    }

    private static Client connect(ToyServer server) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.uri("/api/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", TestKeys.adminBearer())
                .GET()
                .build();
        HttpResponse<Stream<String>> response = server.http.send(request, HttpResponse.BodyHandlers.ofLines());
        return new Client(response);
    }

    /** A stream client reading lines on its own thread. */
    static final class Client implements AutoCloseable {
        final HttpResponse<Stream<String>> response;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        volatile boolean ended;

        Client(HttpResponse<Stream<String>> response) {
            this.response = response;
            Thread.ofVirtual().start(() -> {
                try {
                    response.body().forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the test closed the stream
                } finally {
                    ended = true;
                }
            });
        }

        List<JsonNode> dataFor(String counterId, int count) throws Exception {
            return data(node -> counterId.equals(node.path("counterId").asText()), count);
        }

        List<JsonNode> dataWithField(String field, int count) throws Exception {
            return data(node -> node.has(field), count);
        }

        private List<JsonNode> data(Predicate<JsonNode> wanted, int count) throws Exception {
            List<JsonNode> found = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (found.size() < count && System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith("data: ")) {
                    JsonNode node = parse(line.substring("data: ".length()));
                    if (wanted.test(node)) {
                        found.add(node);
                    }
                }
            }
            return found;
        }

        private JsonNode parse(String data) {
            try {
                return json.readTree(data);
            } catch (IOException e) {
                throw new AssertionError("a data line that is not JSON: " + data, e);
            }
        }

        @Override
        public void close() {
            response.body().close();
        }
    }
}
