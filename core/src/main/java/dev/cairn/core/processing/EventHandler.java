package dev.cairn.core.processing;

import dev.cairn.core.store.RecordedEvent;

/**
 * What a {@link TrackingProcessor} runs for each event. Delivery is at least once, so handlers
 * make their effects idempotent (the typed adapters in {@link Processors} do).
 */
public interface EventHandler {

    void handle(RecordedEvent event) throws Exception;

    /**
     * Events with the same key are handled one after the other, in log order; a processor with
     * concurrency above 1 may handle events with different keys at the same time. The stream id
     * keeps per-stream order; a handler whose state spans streams returns its own key.
     */
    default String partitionKey(RecordedEvent event) {
        return event.streamId();
    }

    /** Called before the processor starts reading after {@code checkpoint}. */
    default void starting(long checkpoint) throws Exception {}

    /** Called when the processor is reset to replay from the start: forget everything built so far. */
    default void reset() throws Exception {}
}
