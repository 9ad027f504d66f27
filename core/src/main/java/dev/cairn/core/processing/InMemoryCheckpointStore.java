package dev.cairn.core.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Checkpoints in memory: a restarted process starts its processors from the beginning. */
public final class InMemoryCheckpointStore implements CheckpointStore {
    private final Map<String, Long> positions = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentSkipListMap<Long, ParkedEvent>> parked = new ConcurrentHashMap<>();

    @Override
    public long load(String processor) {
        return positions.getOrDefault(processor, 0L);
    }

    @Override
    public void save(String processor, long position) {
        positions.put(processor, position);
    }

    @Override
    public void park(ParkedEvent event) {
        parked.computeIfAbsent(event.processor(), p -> new ConcurrentSkipListMap<>())
                .put(event.event().position(), event);
    }

    @Override
    public List<ParkedEvent> parked(String processor) {
        var events = parked.get(processor);
        return events == null ? List.of() : new ArrayList<>(events.values());
    }

    @Override
    public void unpark(String processor, long position) {
        var events = parked.get(processor);
        if (events != null) {
            events.remove(position);
        }
    }
}
