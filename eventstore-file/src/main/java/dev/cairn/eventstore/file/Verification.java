package dev.cairn.eventstore.file;

import dev.cairn.core.store.ExpectedVersion;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/** One run of {@link FileStoreVerifier}: rebuilds the indexes in memory and compares. */
final class Verification {
    private final DataDir dir;
    private final List<Segment> segments = new ArrayList<>();
    private final StreamTable streams = new StreamTable();
    /** Same keys as {@link #streams}, holding version + 1 instead of the last position. */
    private final StreamTable lastVersions = new StreamTable();

    private final CRC32C crc = new CRC32C();
    private final ByteBuffer expectedEntry = RecordFormat.littleEndian(ByteBuffer.allocate(EntryIndex.ENTRY));
    private FileChannel entriesFile;
    private ByteBuffer entryWindow;
    private long entryWindowStart = -1;
    private long head;
    private long ids;

    /** Whether a store has the directory open: the end of its last segment may be in the middle of a write. */
    private final boolean live;

    Verification(DataDir dir, boolean live) {
        this.dir = dir;
        this.live = live;
    }

    VerificationReport run() throws IOException {
        try {
            return check();
        } finally {
            for (Segment s : segments) {
                s.close();
            }
            if (entriesFile != null) {
                entriesFile.close();
            }
        }
    }

    private VerificationReport check() throws IOException {
        List<Integer> numbers = dir.segmentNumbers();
        for (int i = 0; i < numbers.size(); i++) {
            if (numbers.get(i) != i + 1) {
                return problem("segment " + (i + 1) + " is missing", dir.resolve(Segment.fileName(i + 1)), 0);
            }
            segments.add(Segment.openReadOnly(dir.resolve(Segment.fileName(i + 1)), i + 1));
        }
        Checkpoint checkpoint = Checkpoint.read(dir.dir);
        Path entriesPath = dir.resolve(DataDir.ENTRIES);
        if (Files.exists(entriesPath)) {
            entriesFile = FileChannel.open(entriesPath, StandardOpenOption.READ);
        }
        IdTable idTable = new IdTable();
        boolean checkpointSeen = checkpoint == null || checkpoint.position() == 0;
        for (Segment segment : segments) {
            if (segment.firstPosition != head + 1) {
                return problem(
                        "segment starts at position " + segment.firstPosition + ", expected " + (head + 1),
                        segment.path,
                        16);
            }
            SegmentScanner scanner = new SegmentScanner(segment, Segment.HEADER, 1 << 20);
            int remaining = 0;
            while (scanner.next()) {
                ByteBuffer buf = scanner.buffer();
                int at = scanner.at();
                String bad = checkRecord(buf, at, remaining, segment.number, scanner.offset(), idTable);
                if (bad != null) {
                    return problem(
                            bad,
                            bad.startsWith("entry") ? entriesPath : segment.path,
                            bad.startsWith("entry") ? (head) * EntryIndex.ENTRY : scanner.offset());
                }
                remaining = RecordFormat.batchRemaining(buf, at);
                head++;
                if (checkpoint != null && head == checkpoint.position()) {
                    long end = scanner.offset() + scanner.length();
                    boolean sameSegment = checkpoint.segment() == segment.number && checkpoint.endOffset() == end;
                    boolean startOfNext = checkpoint.segment() == segment.number + 1
                            && checkpoint.endOffset() == Segment.HEADER
                            && numbers.size() > segment.number;
                    if (!sameSegment && !startOfNext) {
                        return problem(
                                "the checkpoint places position " + head + " at segment " + checkpoint.segment()
                                        + " offset " + checkpoint.endOffset() + ", the log at segment " + segment.number
                                        + " offset " + end,
                                dir.resolve(DataDir.CHECKPOINT),
                                12);
                    }
                    checkpointSeen = true;
                }
            }
            if (live
                    && segment == segments.getLast()
                    && DamageProbe.validRecordAfter(segment, scanner.offset(), head) == null) {
                break; // the store is writing here: what follows the last whole record is in flight
            }
            if (scanner.problem() != null) {
                return problem(scanner.problem(), segment.path, scanner.offset());
            }
            long garbage = scanner.firstNonZeroAfterEnd();
            if (garbage >= 0) {
                return problem(
                        "data after the end of the segment's records at " + scanner.offset(), segment.path, garbage);
            }
            if (remaining != 0) {
                return problem("the segment ends inside an append", segment.path, scanner.offset());
            }
        }
        if (!checkpointSeen) {
            return problem(
                    "the checkpoint is at position " + checkpoint.position() + " but the log ends at " + head,
                    dir.resolve(DataDir.CHECKPOINT),
                    16);
        }
        String snapshots = checkSnapshots(checkpoint, idTable);
        if (snapshots != null) {
            return problem(
                    snapshots,
                    dir.resolve(snapshots.startsWith("ids") ? DataDir.IDS_SNAPSHOT : DataDir.STREAMS_SNAPSHOT),
                    0);
        }
        return VerificationReport.ok(segments.size(), head, streams.count());
    }

    private String checkRecord(ByteBuffer buf, int at, int previousRemaining, int segment, long offset, IdTable idTable)
            throws IOException {
        long position = RecordFormat.position(buf, at);
        if (position != head + 1) {
            return "record holds position " + position + ", expected " + (head + 1);
        }
        int remaining = RecordFormat.batchRemaining(buf, at);
        if (previousRemaining != 0 && remaining != previousRemaining - 1) {
            return "record does not continue the append it belongs to";
        }
        String streamId = RecordFormat.streamId(buf, at);
        long h1 = Hashing.stream1(streamId);
        int h2 = Hashing.stream2(streamId);
        long last = streams.last(h1, h2);
        long version = RecordFormat.version(buf, at);
        long expectedVersion = last == 0 ? ExpectedVersion.NO_STREAM_VERSION + 1 : lastVersion(h1, h2) + 1;
        if (version != expectedVersion) {
            return "record holds version " + version + " of " + streamId + ", expected " + expectedVersion;
        }
        int idKey = IdTable.key(RecordFormat.eventId(buf, at));
        ByteBuffer e = expectedEntry.clear();
        e.putLong(EntryIndex.location(segment, offset))
                .putLong(last)
                .putLong(h1)
                .putInt((int) version)
                .putInt(h2)
                .putInt(Hashing.category(streamId))
                .putInt(Hashing.type(RecordFormat.type(buf, at)))
                .putInt(idKey);
        crc.reset();
        crc.update(e.array(), 0, EntryIndex.ENTRY - 4);
        e.putInt((int) crc.getValue() ^ (int) Hashing.mix64(position));
        ByteBuffer actual = entry(position);
        if (actual == null) {
            return "entry index has no entry for position " + position;
        }
        if (!actual.equals(e.flip())) {
            return "entry index disagrees with the log at position " + position;
        }
        streams.put(h1, h2, position);
        idTable.insert(idKey, position);
        ids++;
        lastVersions.put(h1, h2, version + 1);
        return null;
    }

    private long lastVersion(long h1, int h2) {
        return lastVersions.last(h1, h2) - 1;
    }

    private ByteBuffer entry(long position) throws IOException {
        if (entriesFile == null) {
            return null;
        }
        long offset = (position - 1) * EntryIndex.ENTRY;
        if (entryWindowStart < 0
                || offset < entryWindowStart
                || offset + EntryIndex.ENTRY > entryWindowStart + entryWindow.limit()) {
            if (entryWindow == null) {
                entryWindow = RecordFormat.littleEndian(ByteBuffer.allocate(EntryIndex.ENTRY << 14));
            }
            entryWindow.clear();
            Segment.readFully(entriesFile, entryWindow, offset);
            entryWindowStart = offset;
            if (entryWindow.limit() < EntryIndex.ENTRY) {
                return null;
            }
        }
        int at = (int) (offset - entryWindowStart);
        return entryWindow.slice(at, EntryIndex.ENTRY);
    }

    private String checkSnapshots(Checkpoint checkpoint, IdTable rebuilt) throws IOException {
        if (checkpoint == null || checkpoint.snapshotPosition() == 0 || checkpoint.snapshotPosition() != head) {
            return null;
        }
        StreamTable snapshot = Snapshots.readStreams(dir.resolve(DataDir.STREAMS_SNAPSHOT), head);
        if (snapshot == null) {
            return "streams snapshot is missing or damaged";
        }
        if (snapshot.count() != streams.count()) {
            return "streams snapshot holds " + snapshot.count() + " streams, the log " + streams.count();
        }
        StreamTable.Slots slots = snapshot.slots();
        for (int i = 0; i < slots.capacity(); i++) {
            if (slots.last[i] != 0 && streams.last(slots.h1[i], slots.h2[i]) != slots.last[i]) {
                return "streams snapshot disagrees with the log for the stream ending at position " + slots.last[i];
            }
        }
        IdTable idSnapshot = Snapshots.readIds(dir.resolve(DataDir.IDS_SNAPSHOT), head);
        if (idSnapshot == null) {
            return "ids snapshot is missing or damaged";
        }
        if (idSnapshot.count() != ids) {
            return "ids snapshot holds " + idSnapshot.count() + " ids, the log " + ids;
        }
        for (long packed : idSnapshot.slots()) {
            if (packed != 0 && !rebuilt.containsPacked(packed)) {
                return "ids snapshot files an id at position " + (packed & IdTable.MAX_POSITION)
                        + " that the log does not hold";
            }
        }
        return null;
    }

    private VerificationReport problem(String what, Path file, long offset) {
        return new VerificationReport(segments.size(), head, streams.count(), false, what, file, offset);
    }
}
