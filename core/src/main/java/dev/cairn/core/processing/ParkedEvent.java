package dev.cairn.core.processing;

import dev.cairn.core.store.RecordedEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * An event a processor gave up on after its retries; the processor went on past it. It can be
 * listed and replayed ({@link TrackingProcessor#replayParked(long)}).
 */
public record ParkedEvent(String processor, RecordedEvent event, String error, int attempts, Instant parkedAt) {
    public ParkedEvent {
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(parkedAt, "parkedAt");
    }
}
