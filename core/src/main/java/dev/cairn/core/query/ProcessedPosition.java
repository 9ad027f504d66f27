package dev.cairn.core.query;

import java.time.Duration;

/** How far a read model has processed the log: the basis of read-your-writes. */
public interface ProcessedPosition {

    /** The last log position whose effects are visible in the read model. */
    long position();

    /**
     * Waits until the read model has processed {@code position}.
     *
     * @return false when the timeout passed first
     */
    boolean awaitPosition(long position, Duration timeout) throws InterruptedException;
}
