package dev.cairn.http;

import java.time.Duration;

/**
 * How stale a read side's answers may be: how long ago its view last knew it had every event of
 * the log. Queries registered after {@link Routes#staleness} carry it in the header
 * {@code Cairn-Stale: <seconds>} (decimal, to the millisecond): the answer may be missing events
 * committed during that time. A view following a reachable store reports a fraction of a second;
 * while the store is unreachable the view keeps answering from what it has, and the value grows
 * until the store is back.
 */
@FunctionalInterface
public interface Staleness {

    /** How long ago the view last knew it was complete; never negative. */
    Duration staleness();
}
