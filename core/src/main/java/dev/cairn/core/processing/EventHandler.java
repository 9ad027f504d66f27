package dev.cairn.core.processing;

import dev.cairn.core.store.RecordedEvent;

/**
 * What a {@link TrackingProcessor} runs for each event. Delivery is at least once, so handlers
 * make their effects idempotent (the typed adapters in {@link Processors} do).
 */
public interface EventHandler {

    void handle(RecordedEvent event) throws Exception;

    /** Called before the processor starts reading after {@code checkpoint}. */
    default void starting(long checkpoint) throws Exception {}

    /** Called when the processor is reset to replay from the start: forget everything built so far. */
    default void reset() throws Exception {}
}
