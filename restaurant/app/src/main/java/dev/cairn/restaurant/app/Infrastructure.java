package dev.cairn.restaurant.app;

import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.hosting.StoreBackend;
import dev.cairn.core.processing.CheckpointStore;
import dev.cairn.core.store.EventStore;
import dev.cairn.restaurant.contracts.PublishedEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What every context is given: the store (its log, its checkpoints, how it hosts processors with
 * effects), the codec of the published language, the sources of time and ids (injected so tests
 * can fix them), and where read sides may keep local snapshots. The store is chosen by whoever
 * starts the system; nothing here knows which one it is.
 *
 * @param backend   the store: every processor whole in this process on the embedded stores, or
 *                  processors with effects split between the processes sharing a database
 * @param snapshots a directory where query sides keep a local snapshot of their view (loaded at
 *                  start, the log replayed after it), or null for none: rebuilt from the log
 */
public record Infrastructure(
        StoreBackend backend, EventCodec<PublishedEvent> codec, Clock clock, Supplier<String> ids, Path snapshots) {

    public Infrastructure {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ids, "ids");
    }

    /** Processors run whole in this process, no snapshots. */
    public Infrastructure(
            EventStore store,
            CheckpointStore checkpoints,
            EventCodec<PublishedEvent> codec,
            Clock clock,
            Supplier<String> ids) {
        this(StoreBackend.of(store, checkpoints), codec, clock, ids, null);
    }

    /** The given store with the restaurant's codec, the system clock and random ids; no snapshots. */
    public static Infrastructure of(StoreBackend backend) {
        return new Infrastructure(
                backend,
                RestaurantCodec.create(),
                Clock.systemUTC(),
                () -> UUID.randomUUID().toString(),
                null);
    }

    /** Every processor whole in this process, views rebuilt from the log. */
    public static Infrastructure of(EventStore store, CheckpointStore checkpoints) {
        return of(StoreBackend.of(store, checkpoints));
    }

    /** The log the contexts append to and read. */
    public EventStore store() {
        return backend.store();
    }

    /** @param directory where query sides keep their snapshots; null for none */
    public Infrastructure withSnapshots(Path directory) {
        return new Infrastructure(backend, codec, clock, ids, directory);
    }
}
