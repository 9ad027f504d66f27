package dev.cairn.lab.crud;

import dev.cairn.lab.Trace;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * What precedes every step of an order inside the monolith: a killed monolith runs no further step
 * (the in-process stand-in for a dead process), and the trace notes the message the step sends.
 */
final class Steps {

    /** Thrown into a request that was running when its monolith was killed: it must not answer. */
    static final class Killed extends RuntimeException {
        Killed() {
            super("the monolith was killed", null, false, false);
        }
    }

    private final Trace trace;
    private final Clock clock;
    private final BooleanSupplier killed;

    Steps(Trace trace, Clock clock, BooleanSupplier killed) {
        this.trace = trace;
        this.clock = clock;
        this.killed = killed;
    }

    /** @throws Killed when the monolith was killed meanwhile */
    void next(String orderId, String to, String text) {
        alive();
        trace.record(orderId, "monolith", to, text);
    }

    void alive() {
        if (killed.getAsBoolean()) {
            throw new Killed();
        }
    }

    void note(String orderId, String from, String to, String text) {
        trace.record(orderId, from, to, text);
    }

    Instant now() {
        return clock.instant();
    }
}
