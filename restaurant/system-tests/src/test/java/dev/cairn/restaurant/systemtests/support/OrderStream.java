package dev.cairn.restaurant.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A live client of {@code GET /api/stream}: records every OrderView the server pushes, by order
 * id, so a test can assert the intermediate states an order went through, not only its last.
 */
public final class OrderStream implements AutoCloseable {

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, List<View>> changes = new ConcurrentHashMap<>();
    private final List<String> malformed = new CopyOnWriteArrayList<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    private OrderStream(URI base, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        // Answers once the server has sent its opening comment, i.e. once this client is registered.
        this.response = client.sendAsync(request, BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        this.reader = Thread.ofVirtual().name("order-stream-reader").start(this::read);
    }

    /** Opens the stream as the bearer of {@code token}, who sees what its role may see. */
    public static OrderStream open(URI base, String token) {
        try {
            return new OrderStream(base, token);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open " + base + "/api/stream", e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private void read() {
        try (Stream<String> lines = response.body()) {
            lines.filter(line -> line.startsWith("data:")).forEach(this::record);
        } catch (RuntimeException closed) {
            // the server stopped or close() cancelled the body
        }
    }

    private void record(String line) {
        try {
            View view = Http.JSON.readValue(line.substring("data:".length()).trim(), View.class);
            changes.computeIfAbsent(view.orderId(), id -> new CopyOnWriteArrayList<>())
                    .add(view);
        } catch (JsonProcessingException e) {
            malformed.add(line);
        }
    }

    /** Every view of the order pushed so far, in the order pushed. */
    public List<View> changesOf(String orderId) {
        assertThat(malformed).as("stream lines that are not an OrderView").isEmpty();
        return List.copyOf(changes.getOrDefault(orderId, List.of()));
    }

    /** The successive distinct values of one field (e.g. {@code View::state}) pushed for an order. */
    public List<String> historyOf(String orderId, Function<View, String> field) {
        List<String> history = new ArrayList<>();
        for (View view : changesOf(orderId)) {
            String value = field.apply(view);
            if (history.isEmpty() || !Objects.equals(history.getLast(), value)) {
                history.add(value);
            }
        }
        return history;
    }

    /** Waits until the stream has pushed a view of the order equal to {@code expected}. */
    public void awaitPushed(View expected) {
        await("stream pushes " + expected.status())
                .atMost(RestaurantApi.PATIENCE)
                .until(() -> changesOf(expected.orderId()).contains(expected));
    }

    @Override
    public void close() {
        reader.interrupt();
        client.shutdownNow();
    }
}
