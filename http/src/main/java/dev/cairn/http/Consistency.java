package dev.cairn.http;

import dev.cairn.core.query.ProcessedPosition;
import dev.cairn.core.query.ReadSide;
import io.javalin.http.Context;
import java.time.Duration;

/**
 * Read-your-writes over HTTP: the {@code consistentWith} parameter, and the wait for the side that
 * answers a request to have processed it. The wait blocks the request's thread, which is why
 * requests run on virtual threads.
 */
final class Consistency {

    static final String PARAMETER = "consistentWith";
    static final long NONE = 0;

    private final Duration timeout;

    Consistency(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * The position a request asks for, {@link #NONE} when it asks for none.
     *
     * @throws HttpProblem 400 when the parameter is present but not a position token
     */
    static long requested(Context ctx) {
        String token = ctx.queryParam(PARAMETER);
        if (token == null) {
            return NONE;
        }
        try {
            return PositionToken.parse(token);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badParameter("query parameter '" + PARAMETER + "': " + e.getMessage());
        }
    }

    /**
     * Waits until {@code side} has processed {@code position}.
     *
     * @throws dev.cairn.core.query.ConsistencyTimeoutException (503) when it has not within the timeout
     */
    void await(ProcessedPosition side, long position) {
        if (position != NONE && side.position() < position) {
            ReadSide.awaitProcessed(side, position, timeout);
        }
    }

    Duration timeout() {
        return timeout;
    }
}
