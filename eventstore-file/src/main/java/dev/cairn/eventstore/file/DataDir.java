package dev.cairn.eventstore.file;

import dev.cairn.core.store.EventStoreUnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The files of a data directory, and the lock that makes one process its owner. */
final class DataDir implements AutoCloseable {
    static final String LOCK = "lock";
    static final String CHECKPOINT = "checkpoint";
    static final String ENTRIES = "entries.idx";
    static final String STREAMS_SNAPSHOT = "streams.snap";
    static final String IDS_SNAPSHOT = "ids.snap";
    private static final Pattern SEGMENT = Pattern.compile("log-(\\d{10})\\.seg");

    final Path dir;
    /** Null when unlocked; held on its own channel, which closes with it. */
    private final FileLock lock;

    private DataDir(Path dir, FileLock lock) {
        this.dir = dir;
        this.lock = lock;
    }

    /**
     * Creates the directory if needed and takes its lock.
     *
     * @throws EventStoreUnavailableException when another store (in this or another process) holds it
     */
    static DataDir lock(Path dir) {
        try {
            Files.createDirectories(dir);
            Path lockFile = dir.resolve(LOCK);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new EventStoreUnavailableException("the data directory " + dir
                        + " is already in use by another event store (lock file " + lockFile + " is held)");
            }
            return new DataDir(dir, lock);
        } catch (IOException e) {
            throw new EventStoreUnavailableException(
                    "cannot open the data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The files of a directory without its lock, for reading only: creates nothing, locks nothing,
     * so it works while a store owns the directory.
     */
    static DataDir unlocked(Path dir) {
        return new DataDir(dir, null);
    }

    /** Whether a store (in this or another process) holds the directory now; creates and keeps nothing. */
    static boolean inUse(Path dir) {
        Path lockFile = dir.resolve(LOCK);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ)) {
            FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException heldInThisProcess) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    Path resolve(String name) {
        return dir.resolve(name);
    }

    /** Segment numbers present, ascending. */
    List<Integer> segmentNumbers() throws IOException {
        List<Integer> numbers = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(file -> {
                Matcher m = SEGMENT.matcher(file.getFileName().toString());
                if (m.matches()) {
                    numbers.add(Integer.parseInt(m.group(1)));
                }
            });
        }
        numbers.sort(null);
        return numbers;
    }

    /** Makes created, renamed or deleted directory entries durable. */
    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    @Override
    public void close() {
        if (lock == null) {
            return;
        }
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }
}
