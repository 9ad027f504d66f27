package dev.cairn.http;

import java.util.Objects;

/**
 * A request that cannot be served, with the status, the stable error code and the sentence the
 * client receives as {@code {"error": code, "message": message}}. Routes throw it for problems
 * only they can see (an unknown id in a query, a malformed path parameter); the server throws it
 * for everything it checks before a route runs.
 */
public final class HttpProblem extends RuntimeException {

    private final int status;
    private final String code;

    /**
     * @param status  the HTTP status, 4xx or 5xx
     * @param code    a stable, upper-case code clients may match on (e.g. {@code MISSING_FIELD})
     * @param message a sentence for people, naming the field or rule
     */
    public HttpProblem(int status, String code, String message) {
        // No stack trace: these are answers, not failures, and some arrive thousands of times a second.
        super(Objects.requireNonNull(message, "message"), null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an HTTP problem has a 4xx or 5xx status, not " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
    }

    /** 400 with code {@code INVALID_PARAMETER}. */
    public static HttpProblem badParameter(String message) {
        return new HttpProblem(400, "INVALID_PARAMETER", message);
    }

    /** 401 with code {@code UNAUTHENTICATED}: no valid bearer token (the answer carries {@code WWW-Authenticate: Bearer}). */
    public static HttpProblem unauthenticated(String message) {
        return new HttpProblem(401, "UNAUTHENTICATED", message);
    }

    /** 403 with code {@code FORBIDDEN}: an action the caller's role may never take, or acting for someone else. */
    public static HttpProblem forbidden(String message) {
        return new HttpProblem(403, "FORBIDDEN", message);
    }

    /** 404 with code {@code NOT_FOUND}. */
    public static HttpProblem notFound(String message) {
        return new HttpProblem(404, "NOT_FOUND", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
