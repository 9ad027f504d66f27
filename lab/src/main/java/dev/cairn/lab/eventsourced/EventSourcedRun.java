package dev.cairn.lab.eventsourced;

import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.processing.CheckpointStore;
import dev.cairn.core.store.EventStore;
import dev.cairn.eventstore.file.DirectoryCheckpointStore;
import dev.cairn.eventstore.file.FileEventStore;
import dev.cairn.lab.Fixture;
import dev.cairn.lab.HistoryStep;
import dev.cairn.lab.Message;
import dev.cairn.lab.OrderFacts;
import dev.cairn.lab.StyleRun;
import dev.cairn.restaurant.app.RestaurantCodec;
import dev.cairn.restaurant.contracts.PublishedEvent;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * An event-sourced style's run: its services on one file store ({@code log/}) and one checkpoint
 * directory ({@code checkpoints/}) under the run's own directory. What the services stored is read
 * back from the log by the style's {@link OrderLog}; closing stops the services, then closes the
 * log and removes the directory.
 */
public abstract class EventSourcedRun implements StyleRun {

    /** Where the run's services listen. */
    protected static final String HOST = "127.0.0.1";

    protected final Path directory;
    protected final FileEventStore store;
    protected final CheckpointStore checkpoints;
    protected final EventCodec<PublishedEvent> codec = RestaurantCodec.create();
    private Fixture fixture;
    private boolean closed;

    protected EventSourcedRun(Path directory) {
        this.directory = directory;
        this.store = FileEventStore.open(directory.resolve("log"));
        this.checkpoints = new DirectoryCheckpointStore(directory.resolve("checkpoints"));
    }

    /**
     * A run just made, made ready for the load: its fixture created through its services, its order
     * service caught up with the log. A run that cannot be made ready is closed again.
     */
    protected static <R extends EventSourcedRun> R ready(R run) throws Exception {
        EventSourcedRun made = run; // its private fixture is reachable through this type only
        try {
            made.fixture = made.createFixture();
            made.awaitOrderCaughtUp();
            return run;
        } catch (Exception | Error e) {
            made.close();
            throw e;
        }
    }

    /** The consumer and the restaurant the load orders with, created through the services. */
    protected abstract Fixture createFixture() throws Exception;

    /** Orders are priced against the order service's menu replica: it must have every restaurant before one is placed. */
    protected abstract void awaitOrderCaughtUp() throws InterruptedException;

    /** The order service's port, the same after a crash and restart. */
    protected abstract int orderPort();

    @Override
    public final URI orderApi() {
        return URI.create("http://" + HOST + ":" + orderPort());
    }

    @Override
    public final Fixture fixture() {
        return fixture;
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
