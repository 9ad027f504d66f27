package dev.cairn.core.store;

import java.time.Duration;
import java.util.List;

/** Reading the whole log in its one total order (requirements 4–6). */
public interface ReadLog {

    /**
     * Events with position {@code > afterPosition} that match the filter, in position order, at
     * most {@code limit}. Only committed events are returned (requirement 6). When fewer than
     * {@code limit} come back, the read went up to at least the {@link #headPosition()} observed
     * before the call.
     */
    List<RecordedEvent> readAll(long afterPosition, int limit, EventFilter filter);

    default List<RecordedEvent> readAll(long afterPosition, int limit) {
        return readAll(afterPosition, limit, EventFilter.all());
    }

    /**
     * The head: every event at or below it is readable now, and no event at or below it will ever
     * be committed later. 0 for an empty log. A reader that has consumed everything up to the head
     * may continue from it without skipping anything.
     */
    long headPosition();

    /**
     * Waits until the head moves past {@code position} or the timeout passes; wakes on commit, not
     * by polling, where the store can.
     *
     * @return whether the head is now beyond {@code position}
     */
    boolean awaitHeadAfter(long position, Duration timeout) throws InterruptedException;
}
