package dev.cairn.core.query;

import java.time.Duration;

/** A view did not reach the requested log position in time. */
public final class ConsistencyTimeoutException extends RuntimeException {
    private final long requested;
    private final long reached;

    public ConsistencyTimeoutException(long requested, long reached, Duration waited) {
        super("the view has processed position " + reached + " but not yet " + requested + " after waiting "
                + waited.toMillis() + " ms");
        this.requested = requested;
        this.reached = reached;
    }

    public long requested() {
        return requested;
    }

    public long reached() {
        return reached;
    }
}
