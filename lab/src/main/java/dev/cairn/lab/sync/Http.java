package dev.cairn.lab.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.model.Rejection;
import dev.cairn.lab.relational.JsonHttp;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** JSON in and out, and the error answers every service of this style gives. */
final class Http {

    static final ObjectMapper JSON = JsonHttp.JSON;
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private Http() {}

    /** @throws Rejection INVALID for a body that is not the JSON of {@code type}, or fails its checks */
    static <T> T read(String body, Class<T> type) {
        return JsonHttp.read(body, type, "a valid " + type.getSimpleName());
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }

    static void answer(Context ctx, Reply reply) {
        ctx.status(reply.status()).contentType("application/json").result(reply.body());
    }

    static Reply error(int status, String code, String message) {
        return new Reply(status, write(Map.of("error", code, "message", String.valueOf(message))));
    }

    /** The answer to an exception; a killed life answers nothing and drops the connection. */
    static void answerError(Life life, Exception e, Context ctx) {
        if (life.killed() || e instanceof Killed) {
            JsonHttp.dropConnection(ctx);
            return;
        }
        answer(
                ctx,
                switch (e) {
                    case Rejection rejection ->
                        error(JsonHttp.status(rejection.kind()), rejection.reason(), rejection.getMessage());
                    case Downstream.Failed failed -> error(failed.status(), failed.code(), failed.getMessage());
                    case SQLTransientConnectionException busy -> error(503, "DATABASE_UNAVAILABLE", busy.getMessage());
                    case SQLException failed -> error(503, "DATABASE_ERROR", failed.getMessage());
                    default -> error(500, "INTERNAL_ERROR", String.valueOf(e));
                });
    }

    static QueuedThreadPool threadPool(String service) {
        return JsonHttp.threadPool("sync-" + service, "sync-" + service + "-");
    }
}
