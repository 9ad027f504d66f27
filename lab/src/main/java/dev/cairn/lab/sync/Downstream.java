package dev.cairn.lab.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.lab.HttpClients;
import dev.cairn.lab.Trace;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * The order service's calls to the other services, as a careful team makes them: each attempt has
 * a time-out of {@link #TIMEOUT}, a failed attempt (no connection, time-out, 5xx) is retried up to
 * {@link #RETRIES} times after a short back-off, and every attempt of one step carries the same
 * {@code Idempotency-Key} ({@code <orderId>:<step>}), so a retry of a call that did land changes
 * nothing. A 4xx is an answer, not a failure to retry. Belongs to one life of the order service: its
 * kill drops the calls in flight, and no attempt starts or returns into a killed life.
 */
final class Downstream {

    static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final int RETRIES = 2;
    static final long BACKOFF_MILLIS = 50;

    /** A step that could not be done: the service was unreachable, too slow, or refused it. */
    static final class Failed extends Exception {

        enum Kind {
            UNAVAILABLE,
            TIMEOUT,
            REFUSED
        }

        private final String service;
        private final Kind kind;

        Failed(String service, Kind kind, String message) {
            super(message, null, false, false);
            this.service = service;
            this.kind = kind;
        }

        /** The error code the order service answers and records, e.g. {@code KITCHEN_UNAVAILABLE}. */
        String code() {
            return service.toUpperCase(Locale.ROOT) + "_" + kind.name();
        }

        int status() {
            return switch (kind) {
                case UNAVAILABLE -> 503;
                case TIMEOUT -> 504;
                case REFUSED -> 502;
            };
        }
    }

    private final Life life;
    private final Trace trace;
    private final HttpClient http;

    Downstream(Life life, Trace trace) {
        this.life = life;
        this.trace = trace;
        this.http = HttpClients.create(TIMEOUT);
        life.onEnd(http::shutdownNow);
    }

    /** Posts {@code body} to {@code service} and answers the JSON reply of the first attempt that is answered. */
    JsonNode post(String orderId, String step, String service, URI uri, Object body) throws Failed {
        HttpRequest request = request(orderId + ":" + step, uri, Http.write(body));
        Failed last = null;
        for (int attempt = 0; attempt <= RETRIES; attempt++) {
            if (attempt > 0) {
                pause(BACKOFF_MILLIS * attempt);
            }
            life.alive();
            trace.record(
                    orderId,
                    "order",
                    service,
                    "POST " + uri.getPath() + (attempt > 0 ? " (retry " + attempt + ")" : ""));
            try {
                return answered(orderId, service, http.send(request, HttpResponse.BodyHandlers.ofString()));
            } catch (Failed failed) {
                if (failed.kind == Failed.Kind.REFUSED) {
                    throw failed;
                }
                last = failed;
            } catch (HttpTimeoutException e) {
                last = failure(orderId, service, Failed.Kind.TIMEOUT, e);
            } catch (IOException e) {
                last = failure(orderId, service, Failed.Kind.UNAVAILABLE, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Killed(life.service());
            }
        }
        throw last;
    }

    /** A 2xx is the reply; a 5xx a failure worth retrying; a 4xx a refusal, final. */
    private JsonNode answered(String orderId, String service, HttpResponse<String> response)
            throws Failed, IOException {
        life.alive(); // no step follows a reply that comes back into a killed life
        JsonNode reply = Http.JSON.readTree(response.body());
        trace.record(
                orderId,
                service,
                "order",
                response.statusCode() + " "
                        + reply.path("state")
                                .asText(reply.path("outcome")
                                        .asText(reply.path("error").asText(""))));
        if (response.statusCode() / 100 == 2) {
            return reply;
        }
        throw new Failed(
                service,
                response.statusCode() >= 500 ? Failed.Kind.UNAVAILABLE : Failed.Kind.REFUSED,
                service + " answered " + response.statusCode() + " " + response.body());
    }

    private Failed failure(String orderId, String service, Failed.Kind kind, Exception e) {
        life.alive(); // a call dropped by the kill is no failure of the other service
        trace.record(
                orderId,
                service,
                "order",
                kind == Failed.Kind.TIMEOUT ? "no answer in " + TIMEOUT.toMillis() + " ms" : "no connection");
        return new Failed(service, kind, service + ": " + e);
    }

    private static HttpRequest request(String key, URI uri, String json) {
        return HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header(Http.IDEMPOTENCY_KEY, key)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Killed(life.service());
        }
    }
}
