package dev.cairn.http;

import dev.cairn.core.query.ProcessedPosition;
import dev.cairn.core.store.ReadLog;
import java.time.Duration;

/**
 * The event store's head as a {@link ProcessedPosition}: what a command side that reads only its
 * own streams has "processed". Such a side sees every committed event at once, so it is consistent
 * with any position the log has reached.
 */
record StoreHead(ReadLog log) implements ProcessedPosition {

    @Override
    public long position() {
        return log.headPosition();
    }

    @Override
    public boolean awaitPosition(long position, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (log.headPosition() < position) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            log.awaitHeadAfter(position - 1, Duration.ofNanos(left));
        }
        return true;
    }
}
