package dev.cairn.lab.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.model.Rejection;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** JSON in and out, and the error answers every service of this style gives. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private Http() {}

    /** @throws Rejection INVALID for a body that is not the JSON of {@code type}, or fails its checks */
    static <T> T read(String body, Class<T> type) {
        try {
            T parsed = JSON.readValue(body, type);
            if (parsed == null) {
                throw Rejection.invalid("MALFORMED_JSON", "the body must be a JSON object");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof Rejection rejection) {
                throw rejection;
            }
            throw Rejection.invalid("MALFORMED_JSON", "the body is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
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
            dropConnection(ctx);
            return;
        }
        answer(ctx, switch (e) {
            case Rejection rejection -> error(status(rejection.kind()), rejection.reason(), rejection.getMessage());
            case Downstream.Failed failed -> error(failed.status(), failed.code(), failed.getMessage());
            case SQLTransientConnectionException busy -> error(503, "DATABASE_UNAVAILABLE", busy.getMessage());
            case SQLException failed -> error(503, "DATABASE_ERROR", failed.getMessage());
            default -> error(500, "INTERNAL_ERROR", String.valueOf(e));
        });
    }

    private static int status(Rejection.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case UNKNOWN_REFERENCE -> 422;
            case NOT_ALLOWED -> 409;
        };
    }

    /** What a dead process leaves its clients with: the connection closes, with no answer. */
    private static void dropConnection(Context ctx) {
        Request request = Request.getBaseRequest(ctx.req());
        if (request != null) {
            request.getHttpChannel().getEndPoint().close();
        }
    }

    /** Requests run on virtual threads; Jetty's selectors stay on platform threads. */
    static QueuedThreadPool threadPool(String service) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 2, 30_000);
        threads.setName("sync-" + service);
        threads.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("sync-" + service + "-", 0).factory()));
        return threads;
    }
}
