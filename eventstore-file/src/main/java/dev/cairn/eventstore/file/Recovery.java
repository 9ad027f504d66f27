package dev.cairn.eventstore.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening a data directory: checks the segments against the checkpoint, loads or rebuilds the
 * indexes, and replays the log written after the checkpoint. A torn tail after the checkpoint (an
 * append cut short by a crash, or garbage after it) is truncated back to the end of the last whole
 * append and logged. Damage anywhere the log was known to be complete, before the checkpoint or in
 * a segment followed by another, is refused with a {@link CorruptLogException}: truncating there
 * would silently drop acknowledged events.
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
    private static final int SCAN_CHUNK = 1 << 20;

    private final DataDir dir;
    private final FileStoreOptions options;
    private final List<Segment> segments = new ArrayList<>();
    private EntryIndex entries;
    private StreamTable streams;
    private IdTable ids;
    private long head;
    private long endOffset;

    private Recovery(DataDir dir, FileStoreOptions options) {
        this.dir = dir;
        this.options = options;
    }

    static OpenedLog open(DataDir dir, FileStoreOptions options) throws IOException {
        Recovery recovery = new Recovery(dir, options);
        try {
            return recovery.run();
        } catch (IOException | RuntimeException | Error e) {
            recovery.closeQuietly();
            throw e;
        }
    }

    private OpenedLog run() throws IOException {
        long started = System.nanoTime();
        openSegments();
        Checkpoint checkpoint = readCheckpoint();
        long checkpointPosition = checkpoint == null ? 0 : checkpoint.position();
        entries = new EntryIndex(dir.resolve(DataDir.ENTRIES));
        long indexed = checkpointPosition;
        long badEntry = entries.firstInvalid(checkpointPosition);
        if (badEntry != 0) {
            LOG.warn(
                    "The entry index {} is damaged or incomplete at position {} (of {} checkpointed); rebuilding it from the log",
                    entries.path(),
                    badEntry,
                    checkpointPosition);
            indexed = 0;
        }
        entries.mapUpTo(indexed);
        long entriesChecked = System.nanoTime();
        if (checkpoint != null
                && checkpoint.snapshotPosition() == checkpointPosition
                && indexed == checkpointPosition) {
            streams = Snapshots.readStreams(dir.resolve(DataDir.STREAMS_SNAPSHOT), checkpointPosition);
            ids = Snapshots.readIds(dir.resolve(DataDir.IDS_SNAPSHOT), checkpointPosition);
        }
        boolean loaded = streams != null && ids != null;
        if (!loaded) {
            rebuildTables(indexed);
        }
        long tablesReady = System.nanoTime();
        head = indexed;
        int startSegment = indexed == 0 ? 1 : checkpoint.segment();
        long startOffset = indexed == 0 ? Segment.HEADER : checkpoint.endOffset();
        if (indexed > 0) {
            checkRecordAt(indexed);
        }
        if (options.verifyOnOpen()) {
            verifyBefore(startSegment, startOffset);
        }
        boolean changed = replay(startSegment, startOffset, checkpointPosition);
        if (changed || checkpoint == null || head != checkpointPosition) {
            entries.force(1, head);
            try {
                new Checkpoint(segments.getLast().number, head, endOffset, 0).write(dir.dir);
            } catch (IOException e) {
                // The checkpoint only shortens the next recovery; on a full disk the store must still open
                // (and then refuse appends as a state), the next open replaying from the previous checkpoint.
                LOG.warn(
                        "Could not save the recovery checkpoint in {} ({}); the next open replays from the previous one",
                        dir.dir,
                        e.getMessage());
            }
        }
        long done = System.nanoTime();
        LOG.info(
                "Opened the event log in {}: {} events, {} streams, {} segments in {} ms (entry check {} ms, tables {} {} ms, "
                        + "replayed {} events after the checkpoint in {} ms)",
                dir.dir,
                head,
                streams.count(),
                segments.size(),
                (done - started) / 1_000_000,
                (entriesChecked - started) / 1_000_000,
                loaded ? "loaded" : "rebuilt",
                (tablesReady - entriesChecked) / 1_000_000,
                head - indexed,
                (done - tablesReady) / 1_000_000);
        return new OpenedLog(new SegmentList(segments), entries, streams, ids, head, endOffset);
    }

    private void openSegments() throws IOException {
        List<Integer> numbers = dir.segmentNumbers();
        for (int i = 0; i < numbers.size(); i++) {
            int number = numbers.get(i);
            Path path = dir.resolve(Segment.fileName(number));
            if (number != i + 1) {
                throw new CorruptLogException(
                        dir.resolve(Segment.fileName(i + 1)),
                        0,
                        "segment " + (i + 1) + " is missing (found " + path.getFileName() + ")");
            }
            boolean last = i == numbers.size() - 1;
            if (last && i > 0 && Files.size(path) < Segment.HEADER) {
                // created by a roll that crashed before its header was forced; nothing was written to it
                LOG.warn(
                        "Recovery: removing {}, a segment whose creation was cut short ({} bytes)",
                        path,
                        Files.size(path));
                Files.delete(path);
                DataDir.forceDirectory(dir.dir);
                break;
            }
            segments.add(Segment.open(path, number));
        }
        if (segments.isEmpty()) {
            segments.add(Segment.create(dir.dir, 1, 1));
        }
        if (segments.getFirst().firstPosition != 1) {
            throw new CorruptLogException(
                    segments.getFirst().path, 16, "the first segment does not start at position 1");
        }
    }

    private Checkpoint readCheckpoint() throws IOException {
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.read(dir.dir);
        } catch (CorruptLogException e) {
            LOG.warn("Recovery: ignoring the damaged checkpoint ({}); scanning the whole log", e.getMessage());
            return null;
        }
        if (checkpoint == null) {
            LOG.info("Recovery: no checkpoint in {}; indexing the whole log", dir.dir);
            return null;
        }
        if (checkpoint.segment() < 1 || checkpoint.segment() > segments.size()) {
            throw new CorruptLogException(
                    dir.resolve(DataDir.CHECKPOINT),
                    12,
                    "the checkpoint names segment " + checkpoint.segment() + " but the log has " + segments.size());
        }
        Segment segment = segments.get(checkpoint.segment() - 1);
        if (segment.size() < checkpoint.endOffset()) {
            throw new CorruptLogException(
                    segment.path,
                    segment.size(),
                    "the segment ends before the checkpoint (" + checkpoint.endOffset()
                            + "): acknowledged data is missing");
        }
        return checkpoint;
    }

    /** Rebuilds the two tables from the entry index, one per thread (they share nothing but the read-only entries). */
    private void rebuildTables(long upTo) throws IOException {
        streams = new StreamTable();
        ids = new IdTable();
        Thread idBuilder = Thread.ofPlatform().start(() -> {
            for (long p = 1; p <= upTo; p++) {
                ids.insert(entries.idHigh(p), p);
            }
        });
        for (long p = 1; p <= upTo; p++) {
            streams.put(entries.streamHash1(p), entries.streamHash2(p), p);
        }
        try {
            idBuilder.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rebuilding the indexes of " + dir.dir, e);
        }
    }

    /** The record the checkpoint ends with must be whole: it is cheap proof the index points at real data. */
    private void checkRecordAt(long position) throws IOException {
        long location = entries.location(position);
        int number = EntryIndex.segmentOf(location);
        long offset = EntryIndex.offsetOf(location) & 0xffffffffL;
        if (number < 1 || number > segments.size()) {
            throw new CorruptLogException(
                    entries.path(), (position - 1) * EntryIndex.ENTRY, "entry names segment " + number);
        }
        SegmentScanner scanner = new SegmentScanner(segments.get(number - 1), offset, 64 << 10);
        if (!scanner.next()) {
            throw new CorruptLogException(scanner.segment().path, offset, String.valueOf(scanner.problem()));
        }
        if (RecordFormat.position(scanner.buffer(), scanner.at()) != position) {
            throw new CorruptLogException(
                    scanner.segment().path,
                    offset,
                    "record holds position " + RecordFormat.position(scanner.buffer(), scanner.at())
                            + ", the index says " + position);
        }
    }

    /** Checks every record before the replay start (verifyOnOpen). */
    private void verifyBefore(int endSegment, long endOffset) throws IOException {
        long expected = 1;
        for (int n = 1; n <= endSegment; n++) {
            SegmentScanner scanner = new SegmentScanner(segments.get(n - 1), Segment.HEADER, SCAN_CHUNK);
            while ((n < endSegment || scanner.offset() < endOffset) && scanner.next()) {
                if (n == endSegment && scanner.offset() >= endOffset) {
                    break;
                }
                if (RecordFormat.position(scanner.buffer(), scanner.at()) != expected++) {
                    throw new CorruptLogException(scanner.segment().path, scanner.offset(), "position out of sequence");
                }
            }
            if (scanner.problem() != null && (n < endSegment || scanner.offset() < endOffset)) {
                throw new CorruptLogException(scanner.segment().path, scanner.offset(), scanner.problem());
            }
        }
    }

    /**
     * Indexes every whole append from the start point to the end of the log.
     *
     * @return whether anything was indexed or truncated
     */
    private boolean replay(int startSegment, long startOffset, long checkpointPosition) throws IOException {
        boolean changed = false;
        Replayer replayer = new Replayer(entries, streams, ids, head);
        for (int n = startSegment; n <= segments.size(); n++) {
            Segment segment = segments.get(n - 1);
            boolean last = n == segments.size();
            if (n > startSegment && segment.firstPosition != replayer.head() + 1) {
                throw new CorruptLogException(
                        segment.path,
                        16,
                        "segment starts at position " + segment.firstPosition + " but the previous one ends at "
                                + replayer.head());
            }
            SegmentScanner scanner =
                    new SegmentScanner(segment, n == startSegment ? startOffset : Segment.HEADER, SCAN_CHUNK);
            long goodEnd = scanner.offset();
            String problem = null;
            while (scanner.next()) {
                problem = replayer.accept(scanner.buffer(), scanner.at(), n, scanner.offset());
                if (problem != null) {
                    break;
                }
                if (replayer.batchComplete()) {
                    goodEnd = scanner.offset() + scanner.length();
                    changed = true;
                }
            }
            if (problem == null) {
                problem = scanner.problem();
            }
            long problemOffset = scanner.offset();
            if (problem == null && replayer.pendingRecords() > 0) {
                problem = "the log ends inside an append (" + replayer.pendingRecords() + " of its events are present)";
                problemOffset = goodEnd;
            }
            if (problem != null) {
                if (replayer.head() < checkpointPosition) {
                    throw new CorruptLogException(
                            segment.path,
                            problemOffset,
                            problem + " (before the checkpoint at position " + checkpointPosition + ")");
                }
                if (!last) {
                    throw new CorruptLogException(
                            segment.path, problemOffset, problem + " (in a segment that is followed by another)");
                }
                DamageProbe.Found after = DamageProbe.validRecordAfter(segment, problemOffset, replayer.head());
                if (after != null) {
                    throw new CorruptLogException(
                            segment.path,
                            problemOffset,
                            problem + ", yet a valid record of position "
                                    + after.position() + " follows at offset " + after.offset()
                                    + ": damage inside the log, not a torn tail, and truncating would drop the events after it");
                }
                truncate(segment, goodEnd, problemOffset, problem, replayer.pendingRecords(), replayer.head());
                changed = true;
            }
            endOffset = problem != null ? goodEnd : scanner.offset();
            if (last && problem == null && segment.size() > endOffset) {
                // preallocated zeros after the data: drop them, so nothing old can sit behind new appends
                segment.channel.truncate(endOffset);
                segment.channel.force(true);
            }
        }
        head = replayer.head();
        return changed;
    }

    private void truncate(
            Segment segment, long goodEnd, long problemOffset, String problem, int partialEvents, long newHead)
            throws IOException {
        long size = segment.size();
        long dataEnd = Math.max(dataEnd(segment, goodEnd, size), problemOffset);
        LOG.warn(
                "Recovery: truncating the torn tail of {} at byte offset {}: dropped {} bytes of data ({} complete events of an "
                        + "unfinished append, then at offset {}: {}) and {} preallocated zero bytes; the log now ends at position {}",
                segment.path,
                goodEnd,
                dataEnd - goodEnd,
                partialEvents,
                problemOffset,
                problem,
                size - dataEnd,
                newHead);
        segment.channel.truncate(goodEnd);
        segment.channel.force(true);
    }

    /** Where the non-zero bytes after {@code from} end: the preallocator's zeros after it are not data a crash lost. */
    private static long dataEnd(Segment segment, long from, long size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(SCAN_CHUNK);
        long end = from;
        for (long at = from; at < size; at += SCAN_CHUNK) {
            buf.clear();
            int read = segment.read(buf, at);
            for (int i = read - 1; i >= 0; i--) {
                if (buf.get(i) != 0) {
                    end = at + i + 1;
                    break;
                }
            }
        }
        return end;
    }

    private void closeQuietly() {
        for (Segment s : segments) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
        if (entries != null) {
            try {
                entries.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }
}
