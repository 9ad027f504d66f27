package dev.cairn.lab.eventsourced;

import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.processing.CheckpointStore;
import dev.cairn.core.store.EventStore;
import dev.cairn.eventstore.file.DirectoryCheckpointStore;
import dev.cairn.eventstore.file.FileEventStore;
import dev.cairn.lab.HistoryStep;
import dev.cairn.lab.Message;
import dev.cairn.lab.OrderFacts;
import dev.cairn.lab.StyleRun;
import dev.cairn.restaurant.app.RestaurantCodec;
import dev.cairn.restaurant.contracts.PublishedEvent;
import java.nio.file.Path;
import java.util.List;

/**
 * An event-sourced style's run: its services on one file store ({@code log/}) and one checkpoint
 * directory ({@code checkpoints/}) under the run's own directory. What the services stored is read
 * back from the log by the style's {@link OrderLog}; closing stops the services, then closes the
 * log and removes the directory.
 */
public abstract class EventSourcedRun implements StyleRun {

    protected final Path directory;
    protected final FileEventStore store;
    protected final CheckpointStore checkpoints;
    protected final EventCodec<PublishedEvent> codec = RestaurantCodec.create();
    private boolean closed;

    protected EventSourcedRun(Path directory) {
        this.directory = directory;
        this.store = FileEventStore.open(directory.resolve("log"));
        this.checkpoints = new DirectoryCheckpointStore(directory.resolve("checkpoints"));
    }

    /** The style's reading of the log; it needs the services' processor names, so it is built after them. */
    protected abstract OrderLog log();

    /** Stops every service still running; the log is closed and the files removed after, even if this throws. */
    protected abstract void stopServices() throws Exception;

    @Override
    public final List<OrderFacts> facts() {
        return log().facts();
    }

    @Override
    public final List<HistoryStep> history(String orderId) {
        return log().history(orderId);
    }

    @Override
    public final List<Message> journey(String orderId) {
        return log().journey(orderId);
    }

    /** The shared log, for tests that look at what was (not) appended. */
    public EventStore store() {
        return store;
    }

    /** The run's own files: the log and the checkpoints. */
    public Path directory() {
        return directory;
    }

    @Override
    public final synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stopServices();
        } finally {
            store.close();
            WorkFiles.delete(directory);
        }
    }
}
