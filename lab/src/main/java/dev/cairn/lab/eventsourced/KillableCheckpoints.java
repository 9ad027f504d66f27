package dev.cairn.lab.eventsourced;

import dev.cairn.core.processing.CheckpointStore;
import dev.cairn.core.processing.ParkedEvent;
import java.util.List;
import java.util.Objects;

/**
 * The checkpoints of one service as a process crash leaves them: once {@link #kill()}ed, nothing
 * more is saved, parked or unparked, so the final checkpoint a clean stop would write never reaches
 * the disk. A restarted service reads the last checkpoint saved while it was alive (at most the
 * processors' save interval behind) and redelivers what followed, as after a SIGKILL.
 */
public final class KillableCheckpoints implements CheckpointStore {

    private final CheckpointStore durable;
    private volatile boolean killed;

    public KillableCheckpoints(CheckpointStore durable) {
        this.durable = Objects.requireNonNull(durable, "durable");
    }

    /** From now on every write is lost, as a killed process's would be. */
    public void kill() {
        killed = true;
    }

    @Override
    public long load(String processor) {
        return durable.load(processor);
    }

    @Override
    public void save(String processor, long position) {
        if (!killed) {
            durable.save(processor, position);
        }
    }

    @Override
    public void park(ParkedEvent parked) {
        if (!killed) {
            durable.park(parked);
        }
    }

    @Override
    public List<ParkedEvent> parked(String processor) {
        return durable.parked(processor);
    }

    @Override
    public void unpark(String processor, long position) {
        if (!killed) {
            durable.unpark(processor, position);
        }
    }
}
