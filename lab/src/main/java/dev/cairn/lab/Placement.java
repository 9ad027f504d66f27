package dev.cairn.lab;

import java.time.Instant;

/** What the client got for one order: accepted with an id, or refused (an error status, a time-out, no connection). */
public sealed interface Placement {

    Instant sentAt();

    /** From sending the request to the answer (or to giving up). */
    long latencyNanos();

    record Accepted(String orderId, Instant sentAt, long latencyNanos) implements Placement {}

    /** @param why the status and error code, {@code timeout}, or the connection error */
    record Refused(String why, Instant sentAt, long latencyNanos) implements Placement {}
}
