package dev.cairn.core.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event as the log holds it. Immutable; {@code data} must not be mutated by readers.
 *
 * @param eventId       the id the writer chose
 * @param streamId      the stream it belongs to
 * @param version       its version within the stream, contiguous from 0 (requirement 3)
 * @param position      its global position: positive, strictly increasing in log order, possibly with gaps (requirement 4)
 * @param type          the explicit type name
 * @param recordedAt    when the store recorded it
 * @param correlationId the conversation it belongs to
 * @param causationId   what directly caused it
 * @param data          the encoded payload
 * @param actor         who caused it; {@link NewEvent#NO_ACTOR} when its writer did not say
 */
public record RecordedEvent(
        UUID eventId,
        String streamId,
        long version,
        long position,
        String type,
        Instant recordedAt,
        UUID correlationId,
        UUID causationId,
        byte[] data,
        String actor) {

    public RecordedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(causationId, "causationId");
        Objects.requireNonNull(data, "data");
        NewEvent.requireActor(actor);
    }

    /** An event with no recorded actor. */
    public RecordedEvent(
            UUID eventId,
            String streamId,
            long version,
            long position,
            String type,
            Instant recordedAt,
            UUID correlationId,
            UUID causationId,
            byte[] data) {
        this(
                eventId,
                streamId,
                version,
                position,
                type,
                recordedAt,
                correlationId,
                causationId,
                data,
                NewEvent.NO_ACTOR);
    }

    /** The stream's category: the part of the stream id before the first '-'. */
    public String category() {
        return StreamIds.category(streamId);
    }

    @Override
    public String toString() {
        return "RecordedEvent[" + type + " " + streamId + "@" + version + " pos=" + position + " id=" + eventId + "]";
    }
}
