package dev.cairn.core.hosting;

import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.processing.CheckpointStore;
import dev.cairn.core.processing.InMemoryCheckpointStore;
import dev.cairn.core.store.EventStore;
import java.util.Objects;

/**
 * What an application needs from a store to host itself: the log, durable checkpoints, and a way to
 * host processors with effects. Each store module brings its own (the file store's keeps checkpoints
 * in its data directory, PostgreSQL's in the database and splits processors between the processes
 * sharing it); an application written against this interface depends on no store.
 *
 * <pre>{@code
 * StoreBackend backend = StoreBackend.inMemory();
 * HostedProcessor emails = backend.host("emails", Sharing.BY_ENTITY, (part, log) ->
 *         TrackingProcessor.builder(part.checkpointName(), log, handler));
 * emails.start();
 * }</pre>
 */
public interface StoreBackend extends AutoCloseable {

    /** The log the application appends to and reads. */
    EventStore store();

    /** Where processors keep durable checkpoints and parked events. */
    CheckpointStore checkpoints();

    /**
     * Hosts a processor with effects. By default it runs whole in this process: one tracking
     * processor over the whole log with checkpoints in {@link #checkpoints()}. A store shared by
     * several processes may split it between the processes hosting the same name, as
     * {@code sharing} allows; its {@link HostedProcessor#status()} then lists the parts held here.
     */
    default HostedProcessor host(String name, Sharing sharing, Worker worker) {
        Objects.requireNonNull(sharing, "sharing");
        return HostedProcessor.of(worker.create(Worker.Part.whole(name), store())
                .checkpoints(checkpoints())
                .build());
    }

    /** Closes the store. */
    @Override
    void close();

    /** A store and checkpoints that the caller owns; every processor hosted whole, closing closes the store. */
    static StoreBackend of(EventStore store, CheckpointStore checkpoints) {
        return new Local(store, checkpoints);
    }

    /** Everything in memory: for tests and {@code --store memory}. */
    static StoreBackend inMemory() {
        return of(new InMemoryEventStore(), new InMemoryCheckpointStore());
    }

    /** A store whose processors all run whole in this process. */
    record Local(EventStore store, CheckpointStore checkpoints) implements StoreBackend {

        public Local {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(checkpoints, "checkpoints");
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
