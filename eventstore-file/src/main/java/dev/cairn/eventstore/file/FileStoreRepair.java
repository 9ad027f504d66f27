package dev.cairn.eventstore.file;

import dev.cairn.core.store.EventStoreUnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one repair that loses data, done only when asked for in so many words: cut the log at the
 * first damaged record. Every event from there on is gone (restoring a backup keeps them; prefer
 * it). Refuses unless the directory is free and the verifier's first problem is in a segment at
 * exactly the offset given, so a stale or mistyped offset never cuts a healthy log.
 */
public final class FileStoreRepair {
    private FileStoreRepair() {}

    /** What a truncation did. */
    public record Truncated(Path segment, long offset, long bytesDropped, int segmentsDeleted) {}

    /**
     * Truncates the segment holding the first problem at {@code offset}, deletes the segments after
     * it and the index files (checkpoint, entry index, table snapshots), which the next open
     * rebuilds from what remains.
     *
     * @throws IllegalArgumentException       when the log has no problem, or not at that offset, or not in a segment
     * @throws EventStoreUnavailableException when a store holds the directory or it cannot be written
     */
    public static Truncated truncateAt(Path dataDir, long offset) {
        VerificationReport report = FileStoreVerifier.verify(dataDir);
        if (report.ok()) {
            throw new IllegalArgumentException("the log in " + dataDir + " verifies: there is nothing to repair");
        }
        String name = report.file() == null ? "" : report.file().getFileName().toString();
        if (!name.endsWith(".seg")) {
            throw new IllegalArgumentException("the first problem is in " + report.file() + " (" + report.problem()
                    + "), not in a segment: truncating the log does not repair it");
        }
        if (report.offset() != offset) {
            throw new IllegalArgumentException("the first damaged record of " + dataDir + " is in " + report.file()
                    + " at offset " + report.offset() + ", not " + offset + ": nothing was changed");
        }
        try (DataDir dir = DataDir.lock(dataDir)) {
            return truncate(dir, report.file(), offset);
        } catch (IOException e) {
            throw new EventStoreUnavailableException("repairing " + dataDir + " failed: " + e, e);
        }
    }

    private static Truncated truncate(DataDir dir, Path segment, long offset) throws IOException {
        int number = Integer.parseInt(segment.getFileName().toString().replaceAll("\\D", ""));
        int deleted = 0;
        for (int later : dir.segmentNumbers()) {
            if (later > number) {
                Files.delete(dir.resolve(Segment.fileName(later)));
                deleted++;
            }
        }
        long dropped;
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            dropped = channel.size() - offset;
            channel.truncate(offset);
            channel.force(true);
        }
        for (String index :
                new String[] {DataDir.CHECKPOINT, DataDir.ENTRIES, DataDir.STREAMS_SNAPSHOT, DataDir.IDS_SNAPSHOT}) {
            Files.deleteIfExists(dir.resolve(index));
        }
        DataDir.forceDirectory(dir.dir);
        return new Truncated(segment, offset, dropped, deleted);
    }
}
