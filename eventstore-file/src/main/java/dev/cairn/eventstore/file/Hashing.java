package dev.cairn.eventstore.file;

import java.util.UUID;

/**
 * The hashes the indexes are keyed by. They are persisted, so they must never change for a given
 * format version: no {@code String.hashCode()} salting, no JVM-dependent seeds.
 */
final class Hashing {
    private Hashing() {}

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long H2_SEED = 0x9e3779b97f4a7c15L;
    private static final long H2_MULTIPLIER = 0xbf58476d1ce4e5b9L;
    private static final long H2_FINAL = 0x94d049bb133111ebL;

    /** First stream hash: FNV-1a over the UTF-16 chars, finished with a 64-bit avalanche. */
    static long stream1(String streamId) {
        long h = FNV_OFFSET;
        for (int i = 0; i < streamId.length(); i++) {
            h = (h ^ streamId.charAt(i)) * FNV_PRIME;
        }
        return mix64(h);
    }

    /**
     * {@link #stream1}, {@link #stream2} and {@link #category} in one pass over the chars (the
     * three chains are independent, so the CPU runs them side by side), for the append path.
     *
     * @param out receives stream2 at index 0 and category at index 1
     * @return stream1
     */
    static long streamKey(String streamId, int[] out) {
        long h1 = FNV_OFFSET;
        long h2 = H2_SEED;
        int category = 0;
        boolean inCategory = true;
        for (int i = 0; i < streamId.length(); i++) {
            char c = streamId.charAt(i);
            h1 = (h1 ^ c) * FNV_PRIME;
            h2 = (h2 + c) * H2_MULTIPLIER;
            h2 ^= h2 >>> 29;
            if (inCategory) {
                if (c == '-') {
                    inCategory = false;
                } else {
                    category = 31 * category + c;
                }
            }
        }
        out[0] = (int) (mix64(h2 ^ H2_FINAL) >>> 32);
        out[1] = mix32(category);
        return mix64(h1);
    }

    /**
     * Second, independent stream hash. Together with {@link #stream1} it keys the stream table,
     * so two stream ids collide only if 96 bits of unrelated hashes do.
     */
    static int stream2(String streamId) {
        long h = H2_SEED;
        for (int i = 0; i < streamId.length(); i++) {
            h = (h + streamId.charAt(i)) * H2_MULTIPLIER;
            h ^= h >>> 29;
        }
        return (int) (mix64(h ^ H2_FINAL) >>> 32);
    }

    /** Hash of the category (the part before the first '-'), as filtered reads compute it. */
    static int category(String streamId) {
        int h = 0;
        for (int i = 0; i < streamId.length(); i++) {
            char c = streamId.charAt(i);
            if (c == '-') {
                break;
            }
            h = 31 * h + c;
        }
        return mix32(h);
    }

    static int type(String type) {
        return mix32(type.hashCode()); // String.hashCode is specified, so it is stable across JVMs
    }

    static long eventId(UUID id) {
        return mix64(
                id.getMostSignificantBits() ^ Long.rotateLeft(id.getLeastSignificantBits(), 32) * 0x9e3779b97f4a7c15L);
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    static int mix32(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
