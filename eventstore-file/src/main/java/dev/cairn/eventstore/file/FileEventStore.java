package dev.cairn.eventstore.file;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.AppendRules;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.PositionWaiter;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.StoreHealth;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The embedded durable event log: Cairn's default store. One process owns a data directory;
 * appends are acknowledged only once they and everything before them are forced to disk, with
 * concurrent appends sharing one force (group commit). The format is described in FORMAT.md.
 *
 * <p>A failed write or fsync (a full disk, an I/O error) does not end the store: it stops
 * acknowledging appends, says why in {@link #health()} and in every refusal, keeps serving reads,
 * and resumes by itself once the disk takes writes again. A record found corrupt by a read stops
 * appends until the log is repaired.
 *
 * <pre>{@code
 * try (FileEventStore store = FileEventStore.open(Path.of("data"))) {
 *     store.append("order-1", ExpectedVersion.noStream(), List.of(NewEvent.of(id, "ordering.OrderPlaced", bytes)));
 * }
 * }</pre>
 */
public final class FileEventStore implements EventStore {
    private final FileStoreOptions options;
    private final DataDir dir;
    private final OpenedLog log;
    private final PositionWaiter signal;
    private final WriteFaults faults;
    private volatile LogWriter writer;
    private final LogReader reader;
    private final TypeBytes typeBytes = new TypeBytes();
    private volatile boolean closed;

    private FileEventStore(FileStoreOptions options, DataDir dir, OpenedLog log) {
        this.options = options;
        this.dir = dir;
        this.log = log;
        this.signal = new PositionWaiter(log.head());
        this.faults = new WriteFaults(options.dataDir(), options.clock(), options.probeInterval());
        this.writer = new LogWriter(dir, options, log, signal, log.head(), true, faults::report);
        this.faults.resumeWith(this::resume);
        this.reader = new LogReader(log.segments(), log.entries(), log.streams(), signal);
    }

    /** Opens (creating if needed) the store in {@code dataDir} with default options. */
    public static FileEventStore open(Path dataDir) {
        return open(FileStoreOptions.defaults(dataDir));
    }

    /**
     * Opens the store, recovering from a crash if the last owner did not close it.
     *
     * @throws EventStoreUnavailableException when the directory is in use by another store, or on I/O failure
     * @throws CorruptLogException            when the log is damaged where recovery must not truncate it
     */
    public static FileEventStore open(FileStoreOptions options) {
        Objects.requireNonNull(options, "options");
        DataDir dir = DataDir.lock(options.dataDir());
        try {
            FileEventStore store = new FileEventStore(options, dir, Recovery.open(dir, options));
            store.writer.start();
            return store;
        } catch (IOException e) {
            dir.close();
            throw new EventStoreUnavailableException("cannot open the event log in " + options.dataDir() + ": " + e, e);
        } catch (RuntimeException | Error e) {
            dir.close();
            throw e;
        }
    }

    public Path dataDir() {
        return options.dataDir();
    }

    public FileStoreMetrics metrics() {
        return writer.metrics();
    }

    /** Writable, or why appends are refused: a failed write or fsync (until it heals) or a corrupt record. */
    @Override
    public StoreHealth health() {
        return faults.health();
    }

    @Override
    public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        AppendRules.requireValidAppend(streamId, expected, events);
        ensureOpen();
        faults.requireWritable();
        AppendRequest request = new AppendRequest(streamId, expected, events, typeBytes);
        writer.submit(request);
        try {
            return request.await();
        } catch (EventStoreUnavailableException failed) {
            if (closed) {
                throw failed;
            }
            throw faults.unavailable(failed);
        }
    }

    @Override
    public List<RecordedEvent> readStream(String streamId, long fromVersion, int maxCount) {
        ensureOpen();
        try {
            return reader.readStream(streamId, fromVersion, maxCount);
        } catch (CorruptLogException e) {
            faults.reportCorruption(e);
            throw e;
        }
    }

    @Override
    public long streamVersion(String streamId) {
        ensureOpen();
        return reader.streamVersion(streamId);
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int limit, EventFilter filter) {
        ensureOpen();
        try {
            return reader.readAll(afterPosition, limit, Objects.requireNonNull(filter, "filter"));
        } catch (CorruptLogException e) {
            faults.reportCorruption(e);
            throw e;
        }
    }

    @Override
    public long headPosition() {
        ensureOpen();
        return signal.position();
    }

    @Override
    public boolean awaitHeadAfter(long position, Duration timeout) throws InterruptedException {
        ensureOpen();
        return signal.awaitAfter(position, timeout);
    }

    /** Lets queued appends finish, writes the final checkpoint and index snapshots, and releases the directory. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        faults.close();
        synchronized (this) {
            writer.close();
        }
        signal.close();
        try {
            log.segments().close();
            log.entries().close();
        } catch (IOException e) {
            throw new EventStoreUnavailableException("closing the event log in " + options.dataDir() + " failed", e);
        } finally {
            dir.close();
        }
    }

    /**
     * After a failed write or force, once a probe write worked: takes the log back to its last
     * durable point and starts a new writer there. Reads go on throughout: they never see past
     * the published head, which only ever moved after a successful force.
     */
    private synchronized void resume() throws IOException {
        if (closed) {
            throw new IOException("the store is closed");
        }
        LogWriter stopped = writer;
        stopped.abort();
        GroupSyncer.Durable durable = stopped.durable();
        LogRollback.toDurable(dir, log, durable, stopped.writerHead(), stopped.checkpointPosition());
        OpenedLog resumed = new OpenedLog(
                log.segments(), log.entries(), log.streams(), log.ids(), durable.head(), durable.endOffset());
        LogWriter fresh = new LogWriter(dir, options, resumed, signal, durable.head(), false, faults::report);
        fresh.start();
        writer = fresh;
    }

    private void ensureOpen() {
        if (closed) {
            throw new EventStoreUnavailableException("the file event store in " + options.dataDir() + " is closed");
        }
    }
}
