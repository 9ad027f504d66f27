package dev.cairn.eventstore.file;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/** Encoded type names, cached because a log has few types and every event names one. */
final class TypeBytes {
    private static final int LIMIT = 4096;
    private final ConcurrentHashMap<String, byte[]> cache = new ConcurrentHashMap<>();

    byte[] of(String type) {
        byte[] bytes = cache.get(type);
        if (bytes == null) {
            bytes = type.getBytes(StandardCharsets.UTF_8);
            if (cache.size() < LIMIT) {
                cache.put(type, bytes);
            }
        }
        return bytes;
    }
}
