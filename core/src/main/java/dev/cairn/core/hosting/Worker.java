package dev.cairn.core.hosting;

import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.store.EventStore;

/**
 * Makes the tracking processor that does (a part of) a hosted processor's work: a builder named
 * {@link Part#checkpointName()} over {@code log}, with whatever filter, retry, batch size and
 * concurrency it needs. The store sets its checkpoints.
 */
@FunctionalInterface
public interface Worker {

    TrackingProcessor.Builder create(Part part, EventStore log);

    /**
     * What a worker runs: the whole processor ({@code partitioned} false, named as the processor),
     * or one partition of it ({@code name#index}) over the streams of that partition only.
     */
    record Part(String checkpointName, boolean partitioned) {

        public static Part whole(String name) {
            return new Part(name, false);
        }
    }
}
