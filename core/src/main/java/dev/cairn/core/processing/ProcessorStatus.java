package dev.cairn.core.processing;

import java.util.Objects;

/**
 * A processor's progress.
 *
 * @param name          the processor's name (also its checkpoint key)
 * @param position      the last log position it has processed
 * @param lag           how far the log's head is ahead of it, in positions
 * @param parked        how many events it parked
 * @param running       whether it is running
 * @param stoppedBecause why it stopped by itself (a corrupt record, a failing checkpoint store), or
 *                      empty while it runs or when it was stopped on purpose
 */
public record ProcessorStatus(
        String name, long position, long lag, int parked, boolean running, String stoppedBecause) {

    public ProcessorStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stoppedBecause, "stoppedBecause");
    }

    /** A status with no reason to stop. */
    public ProcessorStatus(String name, long position, long lag, int parked, boolean running) {
        this(name, position, lag, parked, running, "");
    }
}
