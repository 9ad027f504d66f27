package dev.cairn.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.StreamIds;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/events?after=&limit=&stream=}: a page of the log, oldest first.
 *
 * <p>{@code next} is the token to pass as {@code after} for the following page: the last event's
 * position, or {@code after} itself when the page is empty, so a client can keep polling with it.
 * {@code data} is embedded as JSON when the bytes are a JSON object or array (what Cairn's codecs
 * write), and is a base64 string otherwise.
 */
record EventLogEndpoint(EventStore store, ObjectMapper mapper, Consistency consistency) implements Handler {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    @Override
    public void handle(Context ctx) throws IOException {
        Call call = new RequestCall(ctx);
        long after = call.queryParam("after").map(EventLogEndpoint::position).orElse(0L);
        int limit = call.queryParam("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        String stream =
                call.queryParam("stream").map(EventLogEndpoint::streamId).orElse(null);
        consistency.await(new StoreHead(store), Consistency.requested(ctx));
        List<RecordedEvent> events = stream == null ? store.readAll(after, limit) : readStream(stream, after, limit);
        long next = events.isEmpty() ? after : events.getLast().position();
        ctx.status(200).contentType(Replies.JSON).result(write(events, next));
    }

    private List<RecordedEvent> readStream(String stream, long after, int limit) {
        List<RecordedEvent> page = new ArrayList<>();
        // Versions are contiguous but positions are not, so the stream is scanned for the first event after the cursor.
        for (RecordedEvent event : store.readStream(stream, 0)) {
            if (event.position() > after) {
                page.add(event);
                if (page.size() == limit) {
                    break;
                }
            }
        }
        return page;
    }

    private byte[] write(List<RecordedEvent> events, long next) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + events.size() * 256);
        try (JsonGenerator json = mapper.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("events");
            for (RecordedEvent event : events) {
                writeEvent(json, event);
            }
            json.writeEndArray();
            json.writeStringField("next", PositionToken.format(next));
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    private void writeEvent(JsonGenerator json, RecordedEvent event) throws IOException {
        json.writeStartObject();
        json.writeStringField("position", PositionToken.format(event.position()));
        json.writeStringField("streamId", event.streamId());
        json.writeNumberField("version", event.version());
        json.writeStringField("type", event.type());
        json.writeStringField("recordedAt", event.recordedAt().toString());
        json.writeFieldName("data");
        writeData(json, event.data());
        json.writeObjectFieldStart("metadata");
        json.writeStringField("eventId", event.eventId().toString());
        json.writeStringField("correlationId", event.correlationId().toString());
        json.writeStringField("causationId", event.causationId().toString());
        json.writeStringField("actor", event.actor());
        json.writeEndObject();
        json.writeEndObject();
    }

    private void writeData(JsonGenerator json, byte[] data) throws IOException {
        JsonNode tree = jsonContainer(data);
        if (tree != null) {
            json.writeTree(tree);
        } else {
            json.writeBinary(data);
        }
    }

    /** The bytes as a JSON object or array, or null: a bare number or string could be binary data that happens to parse. */
    private JsonNode jsonContainer(byte[] data) {
        try {
            JsonNode tree = mapper.readTree(data);
            return tree != null && tree.isContainerNode() ? tree : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static long position(String token) {
        try {
            return PositionToken.parse(token);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badParameter("query parameter 'after': " + e.getMessage());
        }
    }

    private static String streamId(String stream) {
        try {
            return StreamIds.requireValid(stream);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badParameter("query parameter 'stream': " + e.getMessage());
        }
    }
}
