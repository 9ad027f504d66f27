package dev.cairn.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.command.CommandResult;
import dev.cairn.core.command.ConcurrencyConflictException;
import dev.cairn.core.model.Rejection;
import dev.cairn.core.query.ConsistencyTimeoutException;
import dev.cairn.core.store.DuplicateEventIdException;
import dev.cairn.core.store.EventStoreCorruptException;
import dev.cairn.core.store.EventStoreException;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.WrongExpectedVersionException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one mapping from what went wrong to the contract's error answer
 * {@code {"error": code, "message": sentence}}. Everything expected (bad input, rejections,
 * conflicts, an unreachable store, a view that is behind) has its status here; anything else is a
 * bug, logged with its stack trace and answered 500 without details.
 */
final class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private final ObjectMapper mapper;

    ErrorResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static int status(Rejection.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case UNKNOWN_REFERENCE -> 422;
            case NOT_ALLOWED -> 409;
        };
    }

    static HttpProblem of(CommandResult.Rejected rejected) {
        return new HttpProblem(status(rejected.kind()), rejected.reason(), rejected.message());
    }

    void write(Context ctx, Exception e) {
        HttpProblem problem = problem(ctx, e);
        if (problem.status() == 503 || problem.status() == 429) {
            ctx.header("Retry-After", "1");
        }
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        write(ctx, problem);
    }

    void write(Context ctx, HttpProblem problem) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", problem.code());
        body.put("message", problem.getMessage());
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException impossible) {
            json = "{\"error\":\"INTERNAL_ERROR\",\"message\":\"the error could not be written\"}"
                    .getBytes(StandardCharsets.UTF_8);
        }
        ctx.status(problem.status()).contentType("application/json").result(json);
    }

    private HttpProblem problem(Context ctx, Exception e) {
        return switch (e) {
            case HttpProblem problem -> problem;
            case Rejection rejection ->
                new HttpProblem(status(rejection.kind()), rejection.reason(), rejection.getMessage());
            case ConcurrencyConflictException conflict ->
                new HttpProblem(409, "CONCURRENCY_CONFLICT", conflict.getMessage());
            case ConsistencyTimeoutException timeout ->
                new HttpProblem(503, "CONSISTENCY_TIMEOUT", timeout.getMessage());
            case EventStoreUnavailableException unavailable -> storeUnavailable(unavailable);
            case EventStoreCorruptException corrupt -> new HttpProblem(503, "STORE_CORRUPT", corrupt.getMessage());
            case WrongExpectedVersionException conflict ->
                new HttpProblem(409, "CONCURRENCY_CONFLICT", conflict.getMessage());
            case DuplicateEventIdException duplicate ->
                new HttpProblem(409, "DUPLICATE_EVENT_ID", duplicate.getMessage());
            case EventStoreException failed -> storeFailed(ctx, failed);
            case NotFoundResponse notFound -> HttpProblem.notFound("there is no " + ctx.method() + " " + ctx.path());
            case MethodNotAllowedResponse notAllowed -> methodNotAllowed(ctx, notAllowed);
            case HttpResponseException javalin ->
                new HttpProblem(javalin.getStatus(), codeOf(javalin.getStatus()), javalin.getMessage());
            default -> internal(ctx, e);
        };
    }

    /**
     * Not logged: a store that stops taking appends logs that once, and a log line per refused
     * request would bury it (thousands a second under load). The store's reason, when it gives
     * one fit for clients ("disk full in DIR"), is the message.
     */
    private static HttpProblem storeUnavailable(EventStoreUnavailableException e) {
        return new HttpProblem(
                503,
                "STORE_UNAVAILABLE",
                e.reason()
                        .map(reason -> "the event store is unavailable: " + reason)
                        .orElse("the event store is unavailable; try again shortly"));
    }

    private static HttpProblem storeFailed(Context ctx, EventStoreException e) {
        LOG.error("{} {}: the event store failed", ctx.method(), ctx.path(), e);
        return new HttpProblem(503, "STORE_FAILED", "the event store failed; the error was logged");
    }

    private static HttpProblem methodNotAllowed(Context ctx, MethodNotAllowedResponse e) {
        String allowed = e.getDetails().values().stream().findFirst().orElse("");
        if (!allowed.isEmpty()) {
            ctx.header("Allow", allowed);
        }
        return new HttpProblem(
                405,
                "METHOD_NOT_ALLOWED",
                ctx.method() + " is not allowed on " + ctx.path() + (allowed.isEmpty() ? "" : "; allowed: " + allowed));
    }

    private static HttpProblem internal(Context ctx, Exception e) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        return new HttpProblem(500, "INTERNAL_ERROR", "the server failed to handle the request; the error was logged");
    }

    /** The contract's code for a status Javalin or Jetty chose (not a route). */
    static String codeOf(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 431 -> "HEADERS_TOO_LARGE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }
}
