package dev.cairn.core.memory;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.AppendRules;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.PositionWaiter;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.WrongExpectedVersionException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The event store in memory: for tests, examples and the {@code --store memory} run mode. Not
 * durable. Appends are serialized by one lock; log reads take no lock, because the log only grows
 * and the head is published (a volatile write) after the events it covers are in place.
 */
public final class InMemoryEventStore implements EventStore {

    private final Clock clock;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final PositionWaiter head = new PositionWaiter(0);
    private final ChunkedLog log = new ChunkedLog();
    private final Map<String, StreamPositions> streams = new ConcurrentHashMap<>();
    private final Map<UUID, Long> positionsById = new HashMap<>();
    private volatile boolean closed;

    public InMemoryEventStore() {
        this(Clock.systemUTC());
    }

    public InMemoryEventStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        AppendRules.requireValidAppend(streamId, expected, events);
        writeLock.lock();
        try {
            ensureOpen();
            StreamPositions stream = streams.get(streamId);
            AppendResult retry = AppendRules.detectRetry(streamId, events, positionsById::get, log::get);
            if (retry != null) {
                return retry;
            }
            long current = stream == null ? ExpectedVersion.NO_STREAM_VERSION : stream.lastVersion();
            if (!expected.matches(current)) {
                throw new WrongExpectedVersionException(streamId, expected, current);
            }
            if (stream == null) {
                stream = new StreamPositions();
                streams.put(streamId, stream);
            }
            var now = clock.instant();
            long firstVersion = current + 1;
            long position = log.head();
            long[] added = new long[events.size()];
            for (int i = 0; i < events.size(); i++) {
                NewEvent e = events.get(i);
                position++;
                log.add(e.recorded(streamId, firstVersion + i, position, now));
                added[i] = position;
                positionsById.put(e.eventId(), position);
            }
            // All of the batch becomes visible to stream readers at once (requirement 1).
            stream.addAll(added);
            log.publish(position);
            head.advance(position);
            return new AppendResult(streamId, firstVersion, firstVersion + events.size() - 1, position, false);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public List<RecordedEvent> readStream(String streamId, long fromVersion, int maxCount) {
        ensureOpen();
        StreamPositions stream = streams.get(streamId);
        if (stream == null) {
            return List.of();
        }
        long[] positions = stream.snapshot();
        if (fromVersion >= positions.length || maxCount <= 0) {
            return List.of();
        }
        int from = (int) Math.max(0, fromVersion);
        int to = (int) Math.min(positions.length, (long) from + maxCount);
        List<RecordedEvent> result = new ArrayList<>(Math.max(0, to - from));
        for (int v = from; v < to; v++) {
            result.add(log.get(positions[v]));
        }
        return result;
    }

    @Override
    public long streamVersion(String streamId) {
        ensureOpen();
        StreamPositions stream = streams.get(streamId);
        return stream == null ? ExpectedVersion.NO_STREAM_VERSION : stream.lastVersion();
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int limit, EventFilter filter) {
        ensureOpen();
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        long head = log.head();
        List<RecordedEvent> result = new ArrayList<>(Math.min(limit, 1024));
        for (long p = Math.max(afterPosition, 0) + 1; p <= head && result.size() < limit; p++) {
            RecordedEvent event = log.get(p);
            if (filter.matches(event)) {
                result.add(event);
            }
        }
        return result;
    }

    @Override
    public long headPosition() {
        ensureOpen();
        return log.head();
    }

    @Override
    public boolean awaitHeadAfter(long position, Duration timeout) throws InterruptedException {
        ensureOpen();
        boolean moved = head.awaitAfter(position, timeout);
        ensureOpen();
        return moved;
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            closed = true;
        } finally {
            writeLock.unlock();
        }
        head.close();
    }

    private void ensureOpen() {
        if (closed) {
            throw new EventStoreUnavailableException("the in-memory event store is closed");
        }
    }

    /** Positions of one stream's events, indexed by version. Written under the store's write lock. */
    private static final class StreamPositions {
        private volatile long[] positions = new long[4];
        private volatile int size;

        void addAll(long[] added) {
            long[] array = positions;
            if (size + added.length > array.length) {
                array = Arrays.copyOf(array, Math.max(array.length * 2, size + added.length));
            }
            System.arraycopy(added, 0, array, size, added.length);
            positions = array;
            size = size + added.length;
        }

        long lastVersion() {
            return size - 1L;
        }

        long[] snapshot() {
            int n = size;
            return Arrays.copyOf(positions, n);
        }
    }
}
