package dev.cairn.eventstore.postgres;

import dev.cairn.core.processing.CheckpointStore;
import dev.cairn.core.processing.ParkedEvent;
import java.util.List;

/**
 * A partition's checkpoints: saved only while its lease is held, so a deposed owner cannot move
 * them. Always the partition's own ({@code processor#index}), whatever name the worker asks for.
 */
final class FencedCheckpoints implements CheckpointStore {

    private final PostgresCheckpointStore checkpoints;
    private final Partition partition;

    FencedCheckpoints(PostgresCheckpointStore checkpoints, Partition partition) {
        this.checkpoints = checkpoints;
        this.partition = partition;
    }

    @Override
    public long load(String processor) {
        return checkpoints.load(partition.checkpointName());
    }

    @Override
    public void save(String processor, long position) {
        partition.saveFenced(position);
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
