package dev.cairn.restaurant.systemtests.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** An HTTP answer as the client saw it; {@link #toString()} shows enough to explain a failed assertion. */
public record Reply(String request, int status, HttpHeaders headers, String body) {

    public JsonNode json() {
        try {
            return Http.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + this, e);
        }
    }

    public <T> T as(Class<T> type) {
        try {
            return Http.JSON.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("cannot read " + type.getSimpleName() + " from " + this, e);
        }
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The {@code Cairn-Position} header as a number; fails when absent. */
    public long cairnPosition() {
        return Long.parseLong(
                header("Cairn-Position").orElseThrow(() -> new AssertionError("no Cairn-Position header: " + this)));
    }

    public String text(String field) {
        JsonNode node = json().get(field);
        if (node == null || !node.isTextual()) {
            throw new AssertionError("no text field '" + field + "' in " + this);
        }
        return node.asText();
    }

    /** Fails with the whole reply unless the status is {@code expected}. */
    public Reply expect(int expected) {
        if (status != expected) {
            throw new AssertionError("expected " + expected + " but was " + this);
        }
        return this;
    }

    @Override
    public String toString() {
        return request + " -> " + status + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
    }
}
