package dev.cairn.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The load's client: places one order with {@code POST /api/orders} and waits at most
 * {@link #timeout} for the answer, as an impatient user (or an upstream's time-out) would.
 */
public final class OrderClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public OrderClient(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClients.create(timeout);
    }

    public Duration timeout() {
        return timeout;
    }

    /** Sends the order to {@code style}'s order API, with its bearer token if it has one. */
    public Placement place(StyleRun style, OrderRequest order) {
        return place(style.orderApi(), order, style.bearerToken());
    }

    /** Sends the order and blocks until it is answered or the time-out passes. */
    public Placement place(URI orderApi, OrderRequest order, Optional<String> bearerToken) {
        Instant sentAt = clock.instant();
        long start = System.nanoTime();
        HttpRequest.Builder builder = HttpRequest.newBuilder(orderApi.resolve("/api/orders"))
                .timeout(timeout)
                .header("Content-Type", "application/json");
        bearerToken.ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        HttpRequest request =
                builder.POST(HttpRequest.BodyPublishers.ofString(order.json())).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long latency = System.nanoTime() - start;
            if (response.statusCode() / 100 == 2) {
                JsonNode body = JSON.readTree(response.body());
                return new Placement.Accepted(body.path("orderId").asText(), sentAt, latency);
            }
            return new Placement.Refused(response.statusCode() + " " + errorCode(response.body()), sentAt, latency);
        } catch (HttpTimeoutException e) {
            return new Placement.Refused("timeout", sentAt, System.nanoTime() - start);
        } catch (IOException e) {
            return new Placement.Refused(
                    "connection: " + e.getClass().getSimpleName(), sentAt, System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Placement.Refused("interrupted", sentAt, System.nanoTime() - start);
        }
    }

    private static String errorCode(String body) {
        try {
            return JSON.readTree(body).path("error").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
