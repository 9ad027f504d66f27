package dev.cairn.eventstore.tck.reference;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.AppendRules;
import dev.cairn.core.store.DuplicateEventIdException;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.WrongExpectedVersionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A second store, written for plainness rather than speed, to test the kit itself: one monitor
 * around a list, its own retry detection, and positions with gaps (5, 8, 11, …) so the kit cannot
 * assume contiguous positions. Its {@link Volume} outlives it, so it can stand in for a durable store.
 */
public final class SimpleEventStore implements EventStore {

    private static final int FIRST_POSITION = 5;
    private static final int POSITION_STEP = 3;

    /** What a durable store would keep on disk. */
    public static final class Volume {
        private final List<RecordedEvent> log = new ArrayList<>();
        private final Map<String, List<RecordedEvent>> streams = new HashMap<>();
        private final Map<UUID, RecordedEvent> byId = new HashMap<>();

        /** A volume holding this one's events changed by {@code change}; {@code withIds} false forgets which ids were recorded. */
        public Volume copy(UnaryOperator<RecordedEvent> change, boolean withIds) {
            Volume copy = new Volume();
            synchronized (this) {
                for (RecordedEvent e : log) {
                    copy.add(change.apply(e), withIds);
                }
            }
            return copy;
        }

        private void add(RecordedEvent event, boolean withId) {
            log.add(event);
            streams.computeIfAbsent(event.streamId(), s -> new ArrayList<>()).add(event);
            if (withId) {
                byId.put(event.eventId(), event);
            }
        }

        private long head() {
            return log.isEmpty() ? 0 : log.getLast().position();
        }
    }

    private final Volume volume;
    private boolean closed;

    public SimpleEventStore() {
        this(new Volume());
    }

    public SimpleEventStore(Volume volume) {
        this.volume = volume;
    }

    public Volume volume() {
        return volume;
    }

    @Override
    public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        AppendRules.requireValidAppend(streamId, expected, events);
        synchronized (volume) {
            ensureOpen();
            AppendResult retry = retryOf(streamId, events);
            if (retry != null) {
                return retry;
            }
            List<RecordedEvent> stream = volume.streams.getOrDefault(streamId, List.of());
            long current = stream.size() - 1L;
            if (!expected.matches(current)) {
                throw new WrongExpectedVersionException(streamId, expected, current);
            }
            Instant now = Instant.now();
            long position = volume.log.isEmpty() ? FIRST_POSITION - POSITION_STEP : volume.head();
            for (int i = 0; i < events.size(); i++) {
                NewEvent e = events.get(i);
                position += POSITION_STEP;
                volume.add(e.recorded(streamId, current + 1 + i, position, now), true);
            }
            volume.notifyAll();
            return new AppendResult(streamId, current + 1, current + events.size(), position, false);
        }
    }

    private AppendResult retryOf(String streamId, List<NewEvent> events) {
        List<RecordedEvent> recorded = new ArrayList<>();
        UUID someRecordedId = null;
        for (NewEvent e : events) {
            RecordedEvent r = volume.byId.get(e.eventId());
            recorded.add(r);
            someRecordedId = r == null ? someRecordedId : r.eventId();
        }
        if (someRecordedId == null) {
            return null;
        }
        RecordedEvent first = recorded.getFirst();
        for (int i = 0; i < recorded.size(); i++) {
            RecordedEvent r = recorded.get(i);
            if (r == null || !r.streamId().equals(streamId) || first == null || r.version() != first.version() + i) {
                throw new DuplicateEventIdException(someRecordedId, "the append is not an exact retry");
            }
        }
        return new AppendResult(
                streamId,
                first.version(),
                recorded.getLast().version(),
                recorded.getLast().position(),
                true);
    }

    @Override
    public List<RecordedEvent> readStream(String streamId, long fromVersion, int maxCount) {
        synchronized (volume) {
            ensureOpen();
            List<RecordedEvent> stream = volume.streams.getOrDefault(streamId, List.of());
            long from = Math.max(0, fromVersion);
            long to = Math.min(stream.size(), from + Math.max(0, maxCount));
            return from >= to ? List.of() : List.copyOf(stream.subList((int) from, (int) to));
        }
    }

    @Override
    public long streamVersion(String streamId) {
        synchronized (volume) {
            ensureOpen();
            return volume.streams.getOrDefault(streamId, List.of()).size() - 1L;
        }
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int limit, EventFilter filter) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        synchronized (volume) {
            ensureOpen();
            List<RecordedEvent> result = new ArrayList<>();
            int from = (int) Math.max(
                    0, Math.min(volume.log.size(), Math.floorDiv(afterPosition - FIRST_POSITION, POSITION_STEP) + 1));
            for (int i = from; i < volume.log.size() && result.size() < limit; i++) {
                RecordedEvent e = volume.log.get(i);
                if (e.position() > afterPosition && filter.matches(e)) {
                    result.add(e);
                }
            }
            return result;
        }
    }

    @Override
    public long headPosition() {
        synchronized (volume) {
            ensureOpen();
            return volume.head();
        }
    }

    @Override
    public boolean awaitHeadAfter(long position, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (volume) {
            while (true) {
                ensureOpen();
                if (volume.head() > position) {
                    return true;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(volume, remaining);
            }
        }
    }

    @Override
    public void close() {
        synchronized (volume) {
            closed = true;
            volume.notifyAll();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new EventStoreUnavailableException("the simple event store is closed");
        }
    }
}
