package dev.cairn.restaurant.systemtests.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A plain HTTP client for one server: what a real client of the contract does, nothing more.
 * Every call returns the whole {@link Reply}; asserting on it is the caller's business.
 */
public final class Http implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    public static final String APPLICATION_JSON = "application/json";

    private final URI base;
    private final HttpClient client;
    private final String token;

    /** @param token the bearer token every request carries; null for none */
    public Http(URI base, String token) {
        this(
                base,
                token,
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build());
    }

    private Http(URI base, String token, HttpClient client) {
        this.base = base;
        this.token = token;
        this.client = client;
    }

    /** The same server, with another bearer token (null for none), sharing this client's connections. */
    public Http as(String otherToken) {
        return new Http(base, otherToken, client);
    }

    public URI base() {
        return base;
    }

    public Reply get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    /** POST with {@code body} serialised as JSON (a String is sent as it is: raw JSON). */
    public Reply post(String path, Object body) {
        return send(postRequest(path, body));
    }

    /** PUT with {@code body} serialised as JSON. */
    public Reply put(String path, Object body) {
        return send(request(path)
                .header("Content-Type", APPLICATION_JSON)
                .PUT(BodyPublishers.ofString(json(body)))
                .build());
    }

    /** POST without a body. */
    public Reply post(String path) {
        return send(request(path).POST(BodyPublishers.noBody()).build());
    }

    public Reply post(String path, String contentType, BodyPublisher body) {
        HttpRequest.Builder builder = request(path).POST(body);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.build());
    }

    public CompletableFuture<Reply> postAsync(String path, Object body) {
        return sendAsync(postRequest(path, body));
    }

    public CompletableFuture<Reply> postAsync(String path) {
        return sendAsync(request(path).POST(BodyPublishers.noBody()).build());
    }

    public CompletableFuture<Reply> getAsync(String pathAndQuery) {
        return sendAsync(request(pathAndQuery).GET().build());
    }

    public HttpClient client() {
        return client;
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private HttpRequest postRequest(String path, Object body) {
        return request(path)
                .header("Content-Type", APPLICATION_JSON)
                .POST(BodyPublishers.ofString(json(body), StandardCharsets.UTF_8))
                .build();
    }

    public Reply send(HttpRequest request) {
        try {
            var response = client.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(
                    request.method() + " " + request.uri(), response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public CompletableFuture<Reply> sendAsync(HttpRequest request) {
        return client.sendAsync(request, BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(
                        r -> new Reply(request.method() + " " + request.uri(), r.statusCode(), r.headers(), r.body()));
    }

    /** A JSON object as plain maps and lists, to compare a whole answer with what the contract shows. */
    public static Map<String, Object> map(JsonNode object) {
        return JSON.convertValue(object, new TypeReference<Map<String, Object>>() {});
    }

    public static String json(Object body) {
        if (body instanceof String raw) {
            return raw;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
