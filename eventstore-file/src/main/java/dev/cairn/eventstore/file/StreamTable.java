package dev.cairn.eventstore.file;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Stream key → position of the stream's last event, as an open-addressing table of primitive
 * arrays on the heap (20 bytes a slot; about 40 MiB for a million streams). A stream is keyed by
 * two independent hashes (64 + 32 bits) rather than its id, so the table stays small; stream
 * reads still compare the id of every event they return, so a collision could never go unnoticed.
 *
 * <p>The writer thread inserts and updates; readers look up concurrently. A slot's key is written
 * before its last position is published with a release store, and readers load the position with
 * acquire, so a reader that sees a position also sees the key. Growth publishes a new table.
 */
final class StreamTable {
    private static final VarHandle LAST = MethodHandles.arrayElementVarHandle(long[].class);
    static final int MIN_CAPACITY = 1 << 10;
    /** The last position of a stream that exists in no committed event: it reads as unknown. */
    private static final long FORGOTTEN = -1;

    static final class Slots {
        final long[] h1;
        final int[] h2;
        final long[] last;
        final int mask;

        Slots(int capacity) {
            h1 = new long[capacity];
            h2 = new int[capacity];
            last = new long[capacity];
            mask = capacity - 1;
        }

        int capacity() {
            return last.length;
        }
    }

    private volatile Slots slots;
    private int count;

    StreamTable() {
        this(new Slots(MIN_CAPACITY), 0);
    }

    StreamTable(Slots slots, int count) {
        this.slots = slots;
        this.count = count;
    }

    Slots slots() {
        return slots;
    }

    int count() {
        return count;
    }

    /** The position of the stream's last event (possibly not yet committed), 0 when unknown. */
    long last(long h1, int h2) {
        Slots s = slots;
        for (int i = (int) h1 & s.mask; ; i = (i + 1) & s.mask) {
            long last = (long) LAST.getAcquire(s.last, i);
            if (last == 0) {
                return 0;
            }
            if (s.h1[i] == h1 && s.h2[i] == h2) {
                return last == FORGOTTEN ? 0 : last;
            }
        }
    }

    /**
     * Writer only, after appends that were never acknowledged are rolled back: the stream's last
     * position becomes {@code previous}, or the stream is forgotten when it had none. A forgotten
     * slot keeps its key (emptying it would cut the probe chains of the slots after it), so the
     * table no longer equals one rebuilt from the log and must not be dumped as a snapshot.
     */
    void rollBack(long h1, int h2, long previous) {
        put(h1, h2, previous == 0 ? FORGOTTEN : previous);
    }

    /** Writer only: records {@code last} as the stream's last position. */
    void put(long h1, int h2, long last) {
        Slots s = slots;
        int i = (int) h1 & s.mask;
        while (s.last[i] != 0) {
            if (s.h1[i] == h1 && s.h2[i] == h2) {
                LAST.setRelease(s.last, i, last);
                return;
            }
            i = (i + 1) & s.mask;
        }
        s.h1[i] = h1;
        s.h2[i] = h2;
        LAST.setRelease(s.last, i, last);
        if (++count > s.capacity() / 4 * 3) {
            grow(s);
        }
    }

    private void grow(Slots old) {
        Slots bigger = new Slots(old.capacity() * 2);
        for (int j = 0; j < old.capacity(); j++) {
            if (old.last[j] != 0) {
                int i = (int) old.h1[j] & bigger.mask;
                while (bigger.last[i] != 0) {
                    i = (i + 1) & bigger.mask;
                }
                bigger.h1[i] = old.h1[j];
                bigger.h2[i] = old.h2[j];
                bigger.last[i] = old.last[j];
            }
        }
        slots = bigger; // volatile publish: readers switch to the copy, which holds every committed slot
    }
}
