package dev.cairn.eventstore.file;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small cache from encoded type names to their strings: a log holds few distinct types, so
 * decoding should not allocate a new string for each event. Not thread-safe; one per reader.
 */
final class TypeNames {
    private static final int SLOTS = 64;
    private final byte[][] keys = new byte[SLOTS][];
    private final String[] names = new String[SLOTS];

    String name(ByteBuffer buf, int at, int len) {
        if (buf.hasArray()) {
            return name(buf.array(), buf.arrayOffset() + at, len);
        }
        byte[] bytes = new byte[len];
        buf.get(at, bytes);
        return name(bytes, 0, len);
    }

    private String name(byte[] array, int at, int len) {
        int h = 1;
        for (int i = 0; i < len; i++) {
            h = 31 * h + array[at + i];
        }
        int slot = Hashing.mix32(h) & (SLOTS - 1);
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
