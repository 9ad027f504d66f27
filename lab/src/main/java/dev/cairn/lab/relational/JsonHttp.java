package dev.cairn.lab.relational;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.model.Rejection;
import io.javalin.http.Context;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP both SQL styles write by hand (the monolith, the synchronous services): JSON bodies,
 * the status of a {@link Rejection}, a killed process's silence, and requests on virtual threads.
 */
public final class JsonHttp {

    public static final ObjectMapper JSON = new ObjectMapper();

    private JsonHttp() {}

    /**
     * @param what what the body should have been, for the message: {@code "the JSON of an order"}
     * @throws Rejection INVALID for a body that is not the JSON of {@code type}, or fails its checks
     */
    public static <T> T read(String body, Class<T> type, String what) {
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
            throw Rejection.invalid("MALFORMED_JSON", "the body is not " + what + ": " + e.getOriginalMessage());
        }
    }

    public static int status(Rejection.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case UNKNOWN_REFERENCE -> 422;
            case NOT_ALLOWED -> 409;
        };
    }

    /** What a dead process leaves its clients with: the connection closes, with no answer. */
    public static void dropConnection(Context ctx) {
        Request request = Request.getBaseRequest(ctx.req());
        if (request != null) {
            request.getHttpChannel().getEndPoint().close();
        }
    }

    /** Requests run on virtual threads named {@code threadPrefix0, 1, …}; Jetty's selectors stay on platform threads. */
    public static QueuedThreadPool threadPool(String name, String threadPrefix) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 2, 30_000);
        threads.setName(name);
        threads.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name(threadPrefix, 0).factory()));
        return threads;
    }
}
