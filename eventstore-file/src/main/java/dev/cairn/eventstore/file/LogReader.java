package dev.cairn.eventstore.file;

import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStoreException;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.PositionWaiter;
import dev.cairn.core.store.RecordedEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.CRC32C;

/**
 * Reads committed events: everything at or below the head the writer published after its force.
 * Each call reads through its own window buffer with positional reads, so readers never block each
 * other or the writer. Every record read is checked (both CRCs, and that it holds the position the
 * index says), and damage is reported with the file and offset.
 */
final class LogReader {
    private static final int LOG_CHUNK = 1 << 20;
    private static final int STREAM_CHUNK = 16 << 10;

    /**
     * Windows reused across calls, with their direct buffers (a positional read into one is a single
     * copy from the page cache) and their name caches. A processor polls the log thousands of times a
     * second when it is caught up, and fresh windows were a seventh of the restaurant system's
     * allocation. There are never more windows than reads at once.
     */
    private final ConcurrentLinkedQueue<Window> logWindows = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<Window> streamWindows = new ConcurrentLinkedQueue<>();
    private final SegmentList segments;
    private final EntryIndex entries;
    private final StreamTable streams;
    private final PositionWaiter signal;

    LogReader(SegmentList segments, EntryIndex entries, StreamTable streams, PositionWaiter signal) {
        this.segments = segments;
        this.entries = entries;
        this.streams = streams;
        this.signal = signal;
    }

    List<RecordedEvent> readAll(long afterPosition, int limit, EventFilter filter) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        long head = signal.position();
        int[] categories = hashes(filter.categories(), true);
        int[] types = hashes(filter.types(), false);
        List<RecordedEvent> result =
                new ArrayList<>((int) Math.min(limit, Math.min(16384, Math.max(0, head - afterPosition))));
        try (Window window = window(logWindows, LOG_CHUNK)) {
            for (long p = Math.max(afterPosition, 0) + 1; p <= head && result.size() < limit; p++) {
                if ((categories != null && !contains(categories, entries.category(p)))
                        || (types != null && !contains(types, entries.type(p)))) {
                    continue;
                }
                RecordedEvent event = window.read(p);
                if (filter.isAll() || filter.matches(event)) {
                    result.add(event);
                }
            }
        }
        return result;
    }

    List<RecordedEvent> readStream(String streamId, long fromVersion, int maxCount) {
        long last = committedLast(streamId);
        if (last == 0 || maxCount <= 0) {
            return List.of();
        }
        long version = entries.version(last);
        long from = Math.max(0, fromVersion);
        if (from > version) {
            return List.of();
        }
        long[] chain = new long[(int) (version - from + 1)];
        long p = last;
        for (int i = chain.length - 1; i >= 0; i--) {
            chain[i] = p;
            p = entries.prev(p);
        }
        int count = Math.min(chain.length, maxCount);
        List<RecordedEvent> result = new ArrayList<>(count);
        try (Window window = window(streamWindows, STREAM_CHUNK)) {
            for (int i = 0; i < count; i++) {
                RecordedEvent event = window.read(chain[i]);
                if (!event.streamId().equals(streamId) || event.version() != from + i) {
                    throw new EventStoreException("the stream index of " + streamId + " leads to " + event
                            + " (a stream hash collision or a damaged index); run the verifier");
                }
                result.add(event);
            }
        }
        return result;
    }

    long streamVersion(String streamId) {
        long last = committedLast(streamId);
        return last == 0 ? ExpectedVersion.NO_STREAM_VERSION : entries.version(last);
    }

    /** The stream's last committed position: the table may already hold appends still being forced. */
    private long committedLast(String streamId) {
        long head = signal.position();
        long p = streams.last(Hashing.stream1(streamId), Hashing.stream2(streamId));
        while (p > head) {
            p = entries.prev(p);
        }
        return p;
    }

    private Window window(ConcurrentLinkedQueue<Window> pool, int chunk) {
        Window window = pool.poll();
        return window != null ? window : new Window(pool, chunk);
    }

    private static int[] hashes(Set<String> names, boolean categories) {
        if (names.isEmpty()) {
            return null;
        }
        int[] out = new int[names.size()];
        int i = 0;
        for (String name : names) {
            out[i++] = categories ? Hashing.category(name) : Hashing.type(name);
        }
        return out;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    /** A window onto one segment, refilled with large positional reads as the read moves on. */
    private final class Window implements AutoCloseable {
        private final ConcurrentLinkedQueue<Window> home;
        private final int chunk;
        private final CRC32C crc = new CRC32C();
        private final TypeNames typeNames = new TypeNames();
        private final TypeNames streamNames = new TypeNames(256);
        private ByteBuffer buf;
        private int segment = -1;
        private long start;
        private int length;

        Window(ConcurrentLinkedQueue<Window> home, int chunk) {
            this.home = home;
            this.chunk = chunk;
        }

        RecordedEvent read(long position) {
            long location = entries.location(position);
            int number = EntryIndex.segmentOf(location);
            long offset = EntryIndex.offsetOf(location) & 0xffffffffL;
            Segment seg = segments.get(number);
            try {
                if (number != segment || offset < start || offset + RecordFormat.HEADER > start + length) {
                    fill(seg, number, offset, chunk);
                }
                int at = (int) (offset - start);
                int len = RecordFormat.length(buf, at);
                if (len > length - at && len <= RecordFormat.MAX_RECORD) {
                    fill(seg, number, offset, Math.max(chunk, len));
                    at = 0;
                }
                String problem = RecordFormat.check(buf, at, length - at, crc);
                if (problem == null && RecordFormat.position(buf, at) != position) {
                    problem =
                            "record holds position " + RecordFormat.position(buf, at) + ", the index says " + position;
                }
                if (problem != null) {
                    throw new CorruptLogException(seg.path, offset, problem);
                }
                return RecordFormat.decode(buf, at, typeNames, streamNames);
            } catch (IOException e) {
                throw new EventStoreUnavailableException("reading " + seg.path + " failed", e);
            }
        }

        private void fill(Segment seg, int number, long offset, int size) throws IOException {
            if (buf == null || buf.capacity() < size) {
                buf = RecordFormat.littleEndian(ByteBuffer.allocateDirect(Math.max(size, chunk)));
            }
            buf.clear().limit(size);
            length = seg.read(buf, offset);
            segment = number;
            start = offset;
        }

        /**
         * Back to the pool, forgetting what the buffer holds: it may have been filled past the head
         * of its time, with bytes written since, so the next read must read the file again.
         */
        @Override
        public void close() {
            segment = -1;
            start = 0;
            length = 0;
            if (buf != null && buf.capacity() > Math.max(chunk, LOG_CHUNK)) {
                buf = null; // grown for one outsized record: not worth keeping
            }
            home.offer(this);
        }
    }
}
