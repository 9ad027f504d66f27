package dev.cairn.eventstore.file;

import java.util.UUID;
import java.util.function.LongPredicate;

/**
 * Event id → position, for idempotent appends (requirement 7), exact over the whole log yet small:
 * one {@code long} a slot on the heap, packing a 28-bit fingerprint of the id's hash with a 36-bit
 * position (about 128 MiB for ten million events). A fingerprint match is only a candidate: the
 * caller confirms it by reading the event id stored in the log at that position, so a false match
 * costs a read, never a wrong answer. Slots are placed by the top bits of the same 32-bit hash
 * prefix the entry index stores, so the table can grow, and be rebuilt from the entry index,
 * without reading the log. Writer thread only.
 */
final class IdTable {
    static final int POSITION_BITS = 36;
    static final long MAX_POSITION = (1L << POSITION_BITS) - 1;
    private static final int MIN_BITS = 10;
    private static final int MAX_BITS = 28;

    private long[] slots;
    private int bits;
    private long count;

    @SuppressWarnings("unused")
    private long prefetched;

    IdTable() {
        this(new long[1 << MIN_BITS], 0);
    }

    IdTable(long[] slots, long count) {
        this.slots = slots;
        this.bits = Integer.numberOfTrailingZeros(slots.length);
        this.count = count;
    }

    long[] slots() {
        return slots;
    }

    long count() {
        return count;
    }

    /** The hash prefix an id is filed under; the entry index stores the same value. */
    static int key(UUID id) {
        return (int) (Hashing.eventId(id) >>> 32);
    }

    /**
     * The position of the id filed under {@code key}, confirmed by {@code isId}, or 0.
     *
     * @param isId tells whether the event at a candidate position has the id sought
     */
    long find(int key, LongPredicate isId) {
        long fingerprint = fingerprint(key);
        int mask = slots.length - 1;
        for (int i = index(key, bits); ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                return 0;
            }
            if ((slot >>> POSITION_BITS) == fingerprint && isId.test(slot & MAX_POSITION)) {
                return slot & MAX_POSITION;
            }
        }
    }

    /**
     * Loads the first slot each key probes, for a whole group before any of them is looked up.
     * The table is far larger than the CPU caches and ids hash to random slots, so every lookup
     * is a cache miss; loads that do not depend on each other overlap (the CPU keeps ~10 misses
     * in flight), where the lookups themselves would miss one after another. The writer's profile
     * had the id table at three quarters of its time before this pass.
     */
    void prefetch(int[] keys) {
        long[] table = slots;
        long sum = 0;
        for (int key : keys) {
            sum += table[index(key, bits)];
        }
        prefetched = sum; // a use of the loads, so the compiler keeps them
    }

    /** Whether {@code n} more ids fit; the writer checks before it writes anything of an append. */
    boolean hasRoomFor(int n) {
        return bits < MAX_BITS || count + n < (long) slots.length / 8 * 7;
    }

    /** Whether this exact slot value (fingerprint and position) is filed; for the verifier. */
    boolean containsPacked(long packed) {
        int mask = slots.length - 1;
        for (int i = (int) ((packed >>> POSITION_BITS) >>> (MAX_BITS - bits)); slots[i] != 0; i = (i + 1) & mask) {
            if (slots[i] == packed) {
                return true;
            }
        }
        return false;
    }

    void insert(int key, long position) {
        if (count >= (long) slots.length / 8 * 7) {
            // only reachable at the largest table (2^28 slots, ~200 million ids): refuse rather than probe forever
            throw new IllegalStateException("the event id table is full (" + count + " ids)");
        }
        long packed = (fingerprint(key) << POSITION_BITS) | position;
        int mask = slots.length - 1;
        int i = index(key, bits);
        while (slots[i] != 0) {
            if (slots[i] == packed) {
                return; // replaying an event that is already filed
            }
            i = (i + 1) & mask;
        }
        slots[i] = packed;
        if (++count > (long) slots.length / 4 * 3 && bits < MAX_BITS) {
            grow();
        }
    }

    private void grow() {
        long[] old = slots;
        int newBits = bits + 1;
        long[] bigger = new long[1 << newBits];
        int mask = bigger.length - 1;
        for (long slot : old) {
            if (slot != 0) {
                // the fingerprint is the top 28 bits of the key, and placement uses at most 28 of them
                int i = (int) ((slot >>> POSITION_BITS) >>> (MAX_BITS - newBits));
                while (bigger[i] != 0) {
                    i = (i + 1) & mask;
                }
                bigger[i] = slot;
            }
        }
        slots = bigger;
        bits = newBits;
    }

    private static long fingerprint(int key) {
        return (key & 0xffffffffL) >>> (32 - MAX_BITS);
    }

    private static int index(int key, int bits) {
        return (int) ((key & 0xffffffffL) >>> (32 - bits));
    }
}
