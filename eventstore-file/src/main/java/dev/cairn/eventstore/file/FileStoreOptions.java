package dev.cairn.eventstore.file;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a {@link FileEventStore} keeps its files and how it sizes them.
 *
 * @param dataDir            the directory the store owns (created if missing)
 * @param segmentSize        log bytes per segment file before the writer rolls to a new one
 * @param checkpointInterval log bytes written between two index checkpoints; recovery after a
 *                           crash re-indexes at most about this much of the log
 * @param writeBufferSize    the direct buffer the writer encodes a group of appends into
 * @param verifyOnOpen       whether opening also checks the CRC of every record before the
 *                           checkpoint (reads the whole log; off by default)
 * @param probeInterval      how often a store that stopped acknowledging appends after a failed
 *                           write or fsync tries to write again (default 1 s)
 * @param clock              the source of {@code recordedAt}
 */
public record FileStoreOptions(
        Path dataDir,
        long segmentSize,
        long checkpointInterval,
        int writeBufferSize,
        boolean verifyOnOpen,
        Duration probeInterval,
        Clock clock) {

    public static final long DEFAULT_SEGMENT_SIZE = 256L << 20;
    public static final long DEFAULT_CHECKPOINT_INTERVAL = 128L << 20;
    public static final int DEFAULT_WRITE_BUFFER_SIZE = 4 << 20;
    public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(1);

    public FileStoreOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(probeInterval, "probeInterval");
        if (probeInterval.isNegative() || probeInterval.isZero()) {
            throw new IllegalArgumentException("probeInterval must be positive, was " + probeInterval);
        }
        if (segmentSize < 4096 || segmentSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("segmentSize must be in [4096, 2^31), was " + segmentSize);
        }
        if (checkpointInterval < 1) {
            throw new IllegalArgumentException("checkpointInterval must be positive, was " + checkpointInterval);
        }
        if (writeBufferSize < 64 << 10) {
            throw new IllegalArgumentException("writeBufferSize must be at least 64 KiB, was " + writeBufferSize);
        }
    }

    public static FileStoreOptions defaults(Path dataDir) {
        return new FileStoreOptions(
                dataDir,
                DEFAULT_SEGMENT_SIZE,
                DEFAULT_CHECKPOINT_INTERVAL,
                DEFAULT_WRITE_BUFFER_SIZE,
                false,
                DEFAULT_PROBE_INTERVAL,
                Clock.systemUTC());
    }

    public FileStoreOptions withSegmentSize(long bytes) {
        return new FileStoreOptions(
                dataDir, bytes, checkpointInterval, writeBufferSize, verifyOnOpen, probeInterval, clock);
    }

    public FileStoreOptions withCheckpointInterval(long bytes) {
        return new FileStoreOptions(dataDir, segmentSize, bytes, writeBufferSize, verifyOnOpen, probeInterval, clock);
    }

    public FileStoreOptions withWriteBufferSize(int bytes) {
        return new FileStoreOptions(
                dataDir, segmentSize, checkpointInterval, bytes, verifyOnOpen, probeInterval, clock);
    }

    public FileStoreOptions withVerifyOnOpen(boolean verify) {
        return new FileStoreOptions(
                dataDir, segmentSize, checkpointInterval, writeBufferSize, verify, probeInterval, clock);
    }

    public FileStoreOptions withProbeInterval(Duration interval) {
        return new FileStoreOptions(
                dataDir, segmentSize, checkpointInterval, writeBufferSize, verifyOnOpen, interval, clock);
    }

    public FileStoreOptions withClock(Clock newClock) {
        return new FileStoreOptions(
                dataDir, segmentSize, checkpointInterval, writeBufferSize, verifyOnOpen, probeInterval, newClock);
    }
}
