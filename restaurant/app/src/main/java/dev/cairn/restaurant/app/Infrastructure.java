package dev.cairn.restaurant.app;

import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.processing.CheckpointStore;
import dev.cairn.core.store.EventStore;
import dev.cairn.restaurant.contracts.PublishedEvent;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What every context is given: the log, where its processors keep durable checkpoints, the codec
 * of the published language, and the sources of time and ids (injected so tests can fix them).
 *
 * @param checkpoints durable checkpoints for processors with effects (reactions, process managers);
 *                    in-memory views and replicas are rebuilt from the log instead
 */
public record Infrastructure(EventStore store, CheckpointStore checkpoints, EventCodec<PublishedEvent> codec,
                             Clock clock, Supplier<String> ids) {

    public Infrastructure {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ids, "ids");
    }

    public static Infrastructure of(EventStore store, CheckpointStore checkpoints) {
        return new Infrastructure(store, checkpoints, RestaurantCodec.create(), Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }
}
