package dev.cairn.eventstore.tck;

import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.ReadLog;
import dev.cairn.core.store.RecordedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A reader tailing the log while others append, the way a projection does: it pages with
 * {@code readAll} and, after a short page, jumps its cursor to the head it saw before reading. That
 * jump is safe only if the store keeps the head contract (requirement 6), so a store that reports a
 * head past events still to come makes this reader skip them, and the suites see the gap.
 */
final class Tailer implements Callable<List<RecordedEvent>> {

    private static final int PAGE = 64;
    private static final Duration WAIT = Duration.ofMillis(50);

    private final ReadLog log;
    private final EventFilter filter;
    private volatile long stopAt = Long.MAX_VALUE;

    Tailer(ReadLog log, EventFilter filter) {
        this.log = log;
        this.filter = filter;
    }

    /** Tells the reader to stop once its cursor reaches {@code position} (the head once writers are done). */
    void stopAt(long position) {
        stopAt = position;
    }

    @Override
    public List<RecordedEvent> call() throws InterruptedException {
        List<RecordedEvent> seen = new ArrayList<>();
        long cursor = 0;
        while (true) {
            long head = log.headPosition();
            List<RecordedEvent> page = log.readAll(cursor, PAGE, filter);
            for (RecordedEvent event : page) {
                if (event.position() <= cursor) {
                    throw new AssertionError(
                            "a tailing reader at " + cursor + " was given " + event + ", which is not after it");
                }
                seen.add(event);
                cursor = event.position();
            }
            if (page.size() < PAGE) {
                cursor = Math.max(cursor, head);
                if (cursor >= stopAt) {
                    return seen;
                }
                log.awaitHeadAfter(cursor, WAIT);
            }
        }
    }
}
