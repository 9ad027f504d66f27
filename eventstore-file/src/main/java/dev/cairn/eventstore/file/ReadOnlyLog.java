package dev.cairn.eventstore.file;

import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.RecordedEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The log of a data directory read straight from its segments, for inspection: opens every file
 * read-only, takes no lock, writes nothing (no recovery, no checkpoint, no index), so it changes
 * no byte and works while a {@link FileEventStore} owns the directory. Only whole appends are
 * returned; the end of the last segment, which a running store may be writing, ends the log
 * there. A damaged record anywhere else is a {@link CorruptLogException}.
 *
 * <pre>{@code
 * try (ReadOnlyLog log = ReadOnlyLog.open(Path.of("data/log"))) {
 *     List<RecordedEvent> first = log.readAll(0, 100, EventFilter.all());
 * }
 * }</pre>
 *
 * <p>While a store runs, the last appends returned may still be waiting for their fsync, and a
 * failed fsync would roll them back: inspection sees what is on the file, not what was acknowledged.
 */
public final class ReadOnlyLog implements AutoCloseable {
    private static final int SCAN_CHUNK = 1 << 20;

    private final Path dir;
    private final List<Segment> segments = new ArrayList<>();
    private final TypeNames types = new TypeNames();
    private final TypeNames streams = new TypeNames(1);
    /** Where the last scan stopped, so paging through the log reads it once: segment index, offset, position. */
    private int resumeSegment = -1;

    private long resumeOffset;
    private long resumePosition = -1;

    private ReadOnlyLog(Path dir) {
        this.dir = dir;
    }

    /**
     * @throws EventStoreUnavailableException when {@code dataDir} holds no event log or cannot be read
     */
    public static ReadOnlyLog open(Path dataDir) {
        ReadOnlyLog log = new ReadOnlyLog(dataDir);
        try {
            log.openSegments();
        } catch (IOException e) {
            log.close();
            throw new EventStoreUnavailableException("cannot read the event log in " + dataDir + ": " + e, e);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
        return log;
    }

    /** Whether a store holds the directory now (its lock is taken). */
    public static boolean inUse(Path dataDir) {
        return DataDir.inUse(dataDir);
    }

    private void openSegments() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new EventStoreUnavailableException(dir + " is not a directory");
        }
        List<Integer> numbers = DataDir.unlocked(dir).segmentNumbers();
        if (numbers.isEmpty()) {
            throw new EventStoreUnavailableException("there is no event log in " + dir
                    + " (no log-*.seg file; the data " + "directory of ./cairn run keeps it in <data>/log)");
        }
        for (int i = 0; i < numbers.size(); i++) {
            if (numbers.get(i) != i + 1) {
                throw new CorruptLogException(
                        dir.resolve(Segment.fileName(i + 1)), 0, "segment " + (i + 1) + " is missing");
            }
            segments.add(Segment.openReadOnly(dir.resolve(Segment.fileName(i + 1)), i + 1));
        }
    }

    /** Up to {@code limit} events after {@code afterPosition} that match {@code filter}, in log order. */
    public List<RecordedEvent> readAll(long afterPosition, int limit, EventFilter filter) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        try {
            return scan(afterPosition, limit, filter);
        } catch (IOException e) {
            throw new EventStoreUnavailableException("reading the event log in " + dir + " failed: " + e, e);
        }
    }

    private List<RecordedEvent> scan(long afterPosition, int limit, EventFilter filter) throws IOException {
        List<RecordedEvent> result = new ArrayList<>();
        List<RecordedEvent> append = new ArrayList<>();
        long lastSeen = afterPosition;
        int first = 0;
        while (first + 1 < segments.size() && segments.get(first + 1).firstPosition <= afterPosition + 1) {
            first++;
        }
        long startOffset = Segment.HEADER;
        if (afterPosition == resumePosition) {
            first = resumeSegment;
            startOffset = resumeOffset;
        }
        for (int n = first; n < segments.size() && result.size() < limit; n++) {
            Segment segment = segments.get(n);
            SegmentScanner scanner = new SegmentScanner(segment, n == first ? startOffset : Segment.HEADER, SCAN_CHUNK);
            append.clear();
            long appendStart = scanner.offset();
            while (result.size() < limit && scanner.next()) {
                int at = scanner.at();
                if (append.isEmpty()) {
                    appendStart = scanner.offset();
                }
                long position = RecordFormat.position(scanner.buffer(), at);
                lastSeen = Math.max(lastSeen, position);
                if (position > afterPosition) {
                    append.add(RecordFormat.decode(scanner.buffer(), at, types, streams));
                }
                if (RecordFormat.batchRemaining(scanner.buffer(), at) == 0) {
                    for (RecordedEvent event : append) {
                        if (result.size() < limit && filter.matches(event)) {
                            result.add(event);
                            resumeSegment = n;
                            resumeOffset = appendStart;
                            resumePosition = event.position();
                        }
                    }
                    append.clear();
                }
            }
            if (scanner.problem() != null && result.size() < limit) {
                boolean tail = n == segments.size() - 1;
                if (!tail || DamageProbe.validRecordAfter(segment, scanner.offset(), lastSeen) != null) {
                    throw new CorruptLogException(segment.path, scanner.offset(), scanner.problem());
                }
            }
        }
        return result;
    }

    @Override
    public void close() {
        for (Segment segment : segments) {
            try {
                segment.close();
            } catch (IOException ignored) {
                // read-only: nothing to lose
            }
        }
    }
}
