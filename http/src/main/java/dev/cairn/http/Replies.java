package dev.cairn.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Writes JSON answers with the server's mapper, as bytes, so Javalin does no mapping of its own. */
final class Replies {

    static final String JSON = "application/json";
    static final String POSITION_HEADER = "Cairn-Position";
    static final String STALE_HEADER = "Cairn-Stale";

    private final ObjectMapper mapper;

    Replies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void json(Context ctx, int status, Object value) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            // A route returned something Jackson cannot write: a server bug, not the client's.
            throw new IllegalStateException(
                    "the answer to " + ctx.method() + " " + ctx.path() + " cannot be written as JSON", e);
        }
        ctx.status(status).contentType(JSON).result(body);
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
