package dev.cairn.core.command;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded, least-recently-used cache of folded states. An entry is a guess: the handler decides
 * on it without reading the stream, but appends with the entry's version as the expected version,
 * so a stale entry costs a refused append and a read, never a wrong decision.
 */
final class StateCache<S> {

    record Entry<S>(S state, long version) {}

    private final int capacity;
    private final Map<String, Entry<S>> entries;

    StateCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StateCache.Entry<S>> eldest) {
                return size() > StateCache.this.capacity;
            }
        };
    }

    synchronized Entry<S> get(String streamId) {
        return capacity == 0 ? null : entries.get(streamId);
    }

    synchronized void put(String streamId, S state, long version) {
        if (capacity == 0) {
            return;
        }
        Entry<S> existing = entries.get(streamId);
        if (existing == null || existing.version() < version) {
            entries.put(streamId, new Entry<>(state, version));
        }
    }

    synchronized void remove(String streamId) {
        entries.remove(streamId);
    }
}
