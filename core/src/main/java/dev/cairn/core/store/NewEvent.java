package dev.cairn.core.store;

import java.util.Objects;
import java.util.UUID;

/**
 * An event ready to be appended: already encoded to bytes by a codec.
 *
 * <p>The event id is the idempotency key (requirement 7): appending an event whose id the store
 * already holds never records it twice. {@code data} is owned by the store once passed in; callers
 * must not mutate it afterwards (it is not copied, for speed).
 *
 * @param eventId       globally unique id, chosen by the writer
 * @param type          the explicit, stable type name (e.g. {@code ordering.OrderCreated}), never a class name
 * @param data          the encoded payload
 * @param correlationId the id of the conversation this event belongs to (the first command's id)
 * @param causationId   the id of the command or event that directly caused this event
 */
public record NewEvent(UUID eventId, String type, byte[] data, UUID correlationId, UUID causationId) {

    /** Longest accepted type name, in characters. */
    public static final int MAX_TYPE_LENGTH = 255;

    public NewEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(causationId, "causationId");
        if (type.isBlank()) {
            throw new IllegalArgumentException("event type must not be blank");
        }
        if (type.length() > MAX_TYPE_LENGTH) {
            throw new IllegalArgumentException("event type longer than " + MAX_TYPE_LENGTH + " characters: " + type);
        }
    }

    /** An event that starts its own conversation: correlated and caused by itself. */
    public static NewEvent of(UUID eventId, String type, byte[] data) {
        return new NewEvent(eventId, type, data, eventId, eventId);
    }
}
