package dev.cairn.eventstore.postgres;

import dev.cairn.core.processing.CheckpointStore;
import dev.cairn.core.processing.ParkedEvent;
import java.time.Duration;
import java.util.List;

/**
 * A partition's checkpoints: saved only while its lease is held, so a deposed owner cannot move
 * them. Always the partition's own ({@code processor#index}), whatever name the worker asks for.
 *
 * <p>Saved at most once per {@code interval}: a process holds many partitions, each asking to
 * save every 100 ms while busy, and each save is a transaction. A save asked sooner is kept and
 * {@link #flush() flushed} by the heartbeat, and when the partition is given up. A crash loses at
 * most that much progress, which only redelivers events (handlers are idempotent).
 */
final class FencedCheckpoints implements CheckpointStore {

    private final PostgresCheckpointStore checkpoints;
    private final Partition partition;
    private final long intervalNanos;
    private long lastSaveNanos;
    private long pending = -1;

    FencedCheckpoints(PostgresCheckpointStore checkpoints, Partition partition, Duration interval) {
        this.checkpoints = checkpoints;
        this.partition = partition;
        this.intervalNanos = interval.toNanos();
        this.lastSaveNanos = System.nanoTime() - intervalNanos;
    }

    /** Saves the position kept back by the throttle, if any. */
    synchronized void flush() {
        if (pending >= 0) {
            long position = pending;
            partition.saveFenced(position);
            pending = -1;
            lastSaveNanos = System.nanoTime();
        }
    }

    @Override
    public long load(String processor) {
        return checkpoints.load(partition.checkpointName());
    }

    @Override
    public synchronized void save(String processor, long position) {
        long now = System.nanoTime();
        if (now - lastSaveNanos < intervalNanos) {
            pending = position;
            return;
        }
        partition.saveFenced(position);
        pending = -1;
        lastSaveNanos = now;
    }

    @Override
    public void park(ParkedEvent parked) {
        checkpoints.park(parked);
    }

    @Override
    public List<ParkedEvent> parked(String processor) {
        return checkpoints.parked(partition.checkpointName());
    }

    @Override
    public void unpark(String processor, long position) {
        checkpoints.unpark(partition.checkpointName(), position);
    }
}
