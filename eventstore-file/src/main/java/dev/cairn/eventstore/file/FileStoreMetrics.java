package dev.cairn.eventstore.file;

/**
 * Counters of a {@link FileEventStore} since it was opened.
 *
 * @param appends     appends that wrote events (duplicates and rejected appends excluded)
 * @param events      events written
 * @param bytes       log bytes written
 * @param flushes     forces of the log that acknowledged appends (one per group commit)
 * @param checkpoints index checkpoints written
 */
public record FileStoreMetrics(long appends, long events, long bytes, long flushes, long checkpoints) {

    /** Events acknowledged per flush on average: how well group commit batches. */
    public double eventsPerFlush() {
        return flushes == 0 ? 0 : (double) events / flushes;
    }

    public double appendsPerFlush() {
        return flushes == 0 ? 0 : (double) appends / flushes;
    }
}
