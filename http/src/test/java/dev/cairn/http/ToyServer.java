package dev.cairn.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.command.CommandHandler;
import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.processing.Processors;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.query.ReadSide;
import dev.cairn.http.toy.CounterCodec;
import dev.cairn.http.toy.CounterDecider;
import dev.cairn.http.toy.CounterRoutes;
import dev.cairn.http.toy.CounterViews;
import dev.cairn.http.toy.FindCounters;
import dev.cairn.testing.SwitchableStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The counter context hosted on an ephemeral port, with a client that speaks to it over real HTTP. */
final class ToyServer implements AutoCloseable {

    static final Duration CONSISTENCY_TIMEOUT = Duration.ofMillis(800);
    static final Duration HEARTBEAT = Duration.ofMillis(200);

    final SwitchableStore store = new SwitchableStore(new InMemoryEventStore());
    final CounterViews views = new CounterViews();
    final TrackingProcessor projection;
    final CairnServer server;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();

    private ToyServer(Consumer<CairnServerConfig> extra) {
        projection = Processors.projection("counter-views", store, new CounterCodec(), views)
                .build();
        var counters = CommandHandler.of(
                store, new CounterDecider(Set.of("plain", "daily")), new CounterCodec(), CounterRoutes::streamOf);
        var readSide = new ReadSide<FindCounters>(views, projection);
        projection.start();
        server = CairnServer.create(config -> {
                    config.port(0)
                            .host("127.0.0.1")
                            .eventStore(store)
                            .processors(List.of(projection))
                            .authenticator(TestKeys.TOKENS)
                            .consistencyTimeout(CONSISTENCY_TIMEOUT)
                            .heartbeat(HEARTBEAT)
                            .context(new CounterRoutes(counters, readSide, views));
                    extra.accept(config);
                })
                .start();
    }

    static ToyServer start() {
        return new ToyServer(config -> {});
    }

    static ToyServer start(Consumer<CairnServerConfig> extra) {
        return new ToyServer(extra);
    }

    URI uri(String path) {
        return server.uri().resolve(path);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A GET with one header of the test's own: a token of its choice, an {@code Origin}. */
    HttpResponse<String> getWith(String path, String header, String value) {
        return send(HttpRequest.newBuilder(uri(path)).header(header, value).GET());
    }

    HttpResponse<String> post(String path, String jsonBody) {
        return post(path, "application/json", jsonBody);
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        var request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** Sends the request as the admin, unless it carries an Authorization header of its own. */
    HttpResponse<String> send(HttpRequest.Builder request) {
        if (request.copy().build().headers().firstValue("Authorization").isEmpty()) {
            request.header("Authorization", TestKeys.adminBearer());
        }
        return sendAsIs(request);
    }

    /** Sends the request with the headers it has, and no others. */
    HttpResponse<String> sendAsIs(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode body(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** Creates a counter and returns the 201 answer's body. */
    JsonNode createCounter(String name) {
        HttpResponse<String> response =
                post("/api/counters", "{\"name\":\"" + name + "\",\"start\":0,\"template\":\"plain\",\"labels\":[]}");
        if (response.statusCode() != 201) {
            throw new AssertionError("creating a counter answered " + response.statusCode() + ": " + response.body());
        }
        return body(response);
    }

    @Override
    public void close() {
        server.close();
        projection.close();
        views.close();
        store.close();
    }
}
