package dev.cairn.eventstore.file;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small direct-mapped cache from encoded names to their strings: a log holds few distinct types,
 * and neighbouring events often share a stream, so decoding need not allocate a string for each
 * event. Not thread-safe; one per reader.
 */
final class TypeNames {
    private final byte[][] keys;
    private final String[] names;
    private byte[] scratch = new byte[256];

    /** @param slots a power of two */
    TypeNames(int slots) {
        keys = new byte[slots][];
        names = new String[slots];
    }

    TypeNames() {
        this(64);
    }

    String name(ByteBuffer buf, int at, int len) {
        if (buf.hasArray()) {
            return name(buf.array(), buf.arrayOffset() + at, len);
        }
        if (scratch.length < len) {
            scratch = new byte[Math.max(len, 64)];
        }
        buf.get(at, scratch, 0, len);
        return name(scratch, 0, len);
    }

    private String name(byte[] array, int at, int len) {
        int h = 1;
        for (int i = 0; i < len; i++) {
            h = 31 * h + array[at + i];
        }
        int slot = Hashing.mix32(h) & (keys.length - 1);
        byte[] key = keys[slot];
        if (key != null && Arrays.equals(key, 0, key.length, array, at, at + len)) {
            return names[slot];
        }
        byte[] bytes = Arrays.copyOfRange(array, at, at + len);
        String name = new String(bytes, StandardCharsets.UTF_8);
        keys[slot] = bytes;
        names[slot] = name;
        return name;
    }
}
