package dev.cairn.eventstore.file;

import java.io.IOException;
import java.nio.file.Files;

/**
 * Takes the log back to the end of its last successful force after a failed write or force, so
 * a new writer can continue there. Nothing after that point was acknowledged, and after a failed
 * fsync nothing after it may be trusted to be on disk (the kernel may have dropped the dirty
 * pages and marked them clean: PostgreSQL's "fsyncgate"), so it is cut off rather than forced
 * again; appends retried by their clients write it anew.
 */
final class LogRollback {
    private LogRollback() {}

    /**
     * @param failedHead         the last position the stopped writer assigned
     * @param checkpointPosition the position the checkpoint on disk names
     */
    static void toDurable(
            DataDir dir, OpenedLog log, GroupSyncer.Durable durable, long failedHead, long checkpointPosition)
            throws IOException {
        int keep = durable.segment().number;
        for (Segment rolledInto : log.segments().removeAfter(keep)) {
            rolledInto.close();
        }
        for (int number : dir.segmentNumbers()) {
            if (number > keep) { // including a file whose creation failed half-way
                Files.deleteIfExists(dir.resolve(Segment.fileName(number)));
            }
        }
        Segment segment = durable.segment();
        segment.channel.truncate(durable.endOffset());
        segment.channel.force(true);
        DataDir.forceDirectory(dir.dir);
        forgetStreamEnds(log, durable.head(), failedHead);
        log.entries().rewriteAndForce(checkpointPosition + 1, durable.head());
        new Checkpoint(segment.number, durable.head(), durable.endOffset(), 0).write(dir.dir);
    }

    /**
     * Points every stream whose last event was rolled back at the event before it. Walking down
     * from the highest position undoes a stream's rolled-back appends one after the other; an
     * entry the writer never finished fails its CRC and was never a stream's end.
     */
    private static void forgetStreamEnds(OpenedLog log, long durableHead, long failedHead) {
        EntryIndex entries = log.entries();
        StreamTable streams = log.streams();
        for (long p = failedHead; p > durableHead; p--) {
            if (!entries.valid(p)) {
                continue;
            }
            long h1 = entries.streamHash1(p);
            int h2 = entries.streamHash2(p);
            if (streams.last(h1, h2) == p) {
                streams.rollBack(h1, h2, entries.prev(p));
            }
        }
    }
}
