package dev.cairn.eventstore.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes zeros ahead of the writer in the current segment and forces them, so the writer's
 * per-group {@code force} overwrites blocks that are already allocated: on ext4 and similar file
 * systems an fdatasync that must also commit a new file size or extent costs two to three times
 * one that only flushes data. The distance ahead doubles with what the segment already holds (a
 * small store zeroes 256 KiB, a busy one up to 64 MiB).
 *
 * <p>It never takes the file system's last free space ({@link #reserve}): zeros are only an
 * optimisation, while the entry index and the checkpoints need room to grow, and a disk filled
 * with zeros would turn a nearly full disk into a full one.
 *
 * <p>Zeros are only ever written at or beyond {@link #zeroedUpTo}, under {@link #lock}; the writer
 * takes the lock only to write beyond that mark, so the two never overwrite each other's bytes.
 */
final class Preallocator implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Preallocator.class);
    private static final int CHUNK = 1 << 20;
    private static final long MIN_AHEAD = 256 << 10;
    private static final long MAX_AHEAD = 64L << 20;

    final ReentrantLock lock = new ReentrantLock();
    private final long segmentSize;
    private final Thread thread;
    private final ByteBuffer zeros = ByteBuffer.allocateDirect(CHUNK);
    private volatile Segment segment;
    /** Bytes of {@link #segment} below this are written (zeros or data); guarded by {@link #lock}. */
    private volatile long zeroedUpTo;
    /** Bytes below this are written and forced, so overwriting them needs no metadata commit. */
    private volatile long preparedUpTo;

    private volatile long target;
    private volatile boolean stopped;
    private final FileStore fileStore;

    Preallocator(long segmentSize, Path dir) {
        this.segmentSize = segmentSize;
        this.fileStore = fileStoreOf(dir);
        String name = dir.toString();
        this.thread = Thread.ofPlatform()
                .daemon()
                .name("cairn-log-preallocator " + name)
                .unstarted(this);
    }

    void start(Segment current, long end) {
        switchTo(current, end);
        thread.start();
    }

    /** The writer moved to a new segment (or opened one) whose data ends at {@code end}. */
    void switchTo(Segment current, long end) {
        lock.lock();
        try {
            segment = current;
            zeroedUpTo = end;
            preparedUpTo = end;
            target = end;
        } finally {
            lock.unlock();
        }
    }

    /** Called by the writer after each group; asks for more zeros when it is getting close. */
    void wrote(long end) {
        long ahead = Math.min(MAX_AHEAD, Math.max(MIN_AHEAD, end));
        if (preparedUpTo - end < ahead / 2 && target < Math.min(segmentSize, end + ahead)) {
            target = Math.min(segmentSize, end + ahead);
            LockSupport.unpark(thread);
        }
    }

    /** Must be held by the writer around a write that reaches beyond {@link #zeroedUpTo()}. */
    long zeroedUpTo() {
        return zeroedUpTo;
    }

    /** Writer, holding the lock: its data now reaches {@code end}. */
    void claimed(long end) {
        zeroedUpTo = Math.max(zeroedUpTo, end);
    }

    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                Segment s = segment;
                if (!extend(s)) {
                    LockSupport.park(this);
                }
            }
        } catch (IOException | RuntimeException e) {
            // only a missed optimisation: the writer's forces stay correct, just slower
            LOG.warn("preallocating the event log stopped: {}", e.toString());
        }
    }

    /** Free space the zeros must leave: a quarter of the file system, at most 256 MiB. */
    private boolean roomToSpare() throws IOException {
        if (fileStore == null) {
            return true;
        }
        long reserve = Math.min(256L << 20, fileStore.getTotalSpace() / 4);
        return fileStore.getUsableSpace() - CHUNK > reserve;
    }

    private static FileStore fileStoreOf(Path dir) {
        try {
            return Files.getFileStore(dir);
        } catch (IOException e) {
            return null; // then it preallocates without looking; the writer's faults are handled either way
        }
    }

    /** Zero-fills one chunk towards the target; returns false when there is nothing to do. */
    private boolean extend(Segment s) throws IOException {
        long end;
        lock.lock();
        try {
            if (s != segment || zeroedUpTo >= target || !roomToSpare()) {
                return false;
            }
            long start = zeroedUpTo;
            end = Math.min(target, start + CHUNK);
            zeros.clear().limit((int) (end - start));
            long at = start;
            while (zeros.hasRemaining()) {
                at += s.channel.write(zeros, at);
            }
            zeroedUpTo = end;
        } finally {
            lock.unlock();
        }
        if (end >= target || end - preparedUpTo >= 8L * CHUNK) {
            s.channel.force(true);
            if (s == segment) {
                preparedUpTo = Math.max(preparedUpTo, end);
            }
        }
        return true;
    }
}
