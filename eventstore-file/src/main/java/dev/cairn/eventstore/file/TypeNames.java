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
        int h = 1;
        for (int i = 0; i < len; i++) {
            h = 31 * h + buf.get(at + i);
        }
        int slot = Hashing.mix32(h) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && key.length == len && matches(key, buf, at)) {
            return names[slot];
        }
        byte[] bytes = new byte[len];
        buf.get(at, bytes);
        String name = new String(bytes, StandardCharsets.UTF_8);
        keys[slot] = bytes;
        names[slot] = name;
        return name;
    }

    private static boolean matches(byte[] key, ByteBuffer buf, int at) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] != buf.get(at + i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "TypeNames" + Arrays.toString(names);
    }
}
