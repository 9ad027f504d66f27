package dev.cairn.core.processing;

import java.util.List;

/**
 * Where processors keep how far they got, and the events they parked. A durable implementation
 * makes a restarted processor resume where it stopped (and redo at most what followed its last
 * saved checkpoint, which idempotent handlers absorb).
 */
public interface CheckpointStore {

    /** The last saved position of a processor, 0 when it never saved one. */
    long load(String processor);

    void save(String processor, long position);

    void park(ParkedEvent parked);

    /** The parked events of a processor, in position order. */
    List<ParkedEvent> parked(String processor);

    /** Forgets a parked event (after a successful replay). */
    void unpark(String processor, long position);
}
