package dev.cairn.core.memory;

import dev.cairn.core.store.RecordedEvent;
import java.util.Arrays;

/**
 * The in-memory log: positions 1..head in fixed-size chunks, so growing never copies events.
 * One writer (holding the store's lock) adds and then publishes; readers read the volatile head
 * first, which makes every event at or below it visible to them.
 */
final class ChunkedLog {
    private static final int CHUNK_BITS = 13;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;

    private volatile RecordedEvent[][] chunks = new RecordedEvent[16][];
    private volatile long head;
    private long written;

    void add(RecordedEvent event) {
        long index = written;
        int chunk = (int) (index >>> CHUNK_BITS);
        RecordedEvent[][] current = chunks;
        if (chunk >= current.length) {
            current = Arrays.copyOf(current, current.length * 2);
            chunks = current;
        }
        if (current[chunk] == null) {
            current[chunk] = new RecordedEvent[CHUNK_SIZE];
        }
        current[chunk][(int) (index & (CHUNK_SIZE - 1))] = event;
        written = index + 1;
    }

    /** Makes every added event up to this position visible to readers. */
    void publish(long position) {
        head = position;
    }

    long head() {
        return head;
    }

    /** The event at a position in 1..written; readers must stay at or below {@link #head()}. */
    RecordedEvent get(long position) {
        long index = position - 1;
        return chunks[(int) (index >>> CHUNK_BITS)][(int) (index & (CHUNK_SIZE - 1))];
    }
}
