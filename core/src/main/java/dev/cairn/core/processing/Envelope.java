package dev.cairn.core.processing;

import dev.cairn.core.store.RecordedEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A decoded event with the metadata the log recorded for it. */
public record Envelope<E>(E event, RecordedEvent recorded) {

    public Envelope {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(recorded, "recorded");
    }

    public long position() {
        return recorded.position();
    }

    public UUID eventId() {
        return recorded.eventId();
    }

    public String streamId() {
        return recorded.streamId();
    }

    public long version() {
        return recorded.version();
    }

    public Instant recordedAt() {
        return recorded.recordedAt();
    }

    public UUID correlationId() {
        return recorded.correlationId();
    }
}
