package dev.cairn.eventstore.file;

import dev.cairn.core.hosting.StoreBackend;
import dev.cairn.core.processing.CheckpointStore;
import dev.cairn.core.store.EventStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The file store as an application hosts itself on it, in one data directory: the log in
 * {@code <data>/log}, processors' checkpoints and parked events in {@code <data>/checkpoints}
 * ({@link DirectoryCheckpointStore}). Every processor runs whole in the one process that owns the
 * directory.
 */
public final class FileStoreBackend implements StoreBackend {

    /** Where a data directory keeps its log. */
    public static final String LOG = "log";
    /** Where a data directory keeps processors' checkpoints. */
    public static final String CHECKPOINTS = "checkpoints";

    private final FileEventStore store;
    private final DirectoryCheckpointStore checkpoints;

    private FileStoreBackend(FileEventStore store, DirectoryCheckpointStore checkpoints) {
        this.store = store;
        this.checkpoints = checkpoints;
    }

    /**
     * Opens the data directory, creating it when missing, and checks every record before anything
     * is served: a damaged record found later would stop processors and leave acknowledged work
     * unfinished.
     *
     * @throws CorruptLogException when a record fails its check
     */
    public static FileStoreBackend open(Path data) {
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + data + ": " + e.getMessage(), e);
        }
        FileEventStore store =
                FileEventStore.open(FileStoreOptions.defaults(data.resolve(LOG)).withVerifyOnOpen(true));
        try {
            return new FileStoreBackend(store, new DirectoryCheckpointStore(data.resolve(CHECKPOINTS)));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * The log of an existing data directory, for commands that only read it: {@code <data>/log},
     * or {@code data} itself when it is a log directory (it holds segments).
     *
     * @throws IllegalArgumentException when there is no such directory, or it holds no log: a
     *                                  reading command must not create an empty store where it was
     *                                  pointed at the wrong place
     */
    public static Path existingLog(Path data) {
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException(
                    "no data directory " + data + (Files.exists(data) ? " (it is a file)" : ""));
        }
        if (holdsSegments(data)) {
            return data;
        }
        Path log = data.resolve(LOG);
        if (Files.isDirectory(log) && holdsSegments(log)) {
            return log;
        }
        throw new IllegalArgumentException(
                data + " holds no event log (neither " + log + " nor " + data + " has log-*.seg files)");
    }

    private static boolean holdsSegments(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".seg"));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public EventStore store() {
        return store;
    }

    @Override
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    /** The file store itself, for what only it offers (metrics, health). */
    public FileEventStore fileStore() {
        return store;
    }

    @Override
    public void close() {
        store.close();
    }
}
