package dev.cairn.core.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
 * @param actor         who caused it, for the audit trail (e.g. {@code consumer:42}, {@code system:kitchen}); {@link #NO_ACTOR} when unknown
 */
public record NewEvent(UUID eventId, String type, byte[] data, UUID correlationId, UUID causationId, String actor) {

    /** Longest accepted type name, in characters. */
    public static final int MAX_TYPE_LENGTH = 255;
    /** Longest accepted actor, in UTF-8 bytes. */
    public static final int MAX_ACTOR_BYTES = 255;
    /** The actor of an event whose writer did not say who caused it. */
    public static final String NO_ACTOR = "";

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
        requireActor(actor);
    }

    /** An event with no recorded actor. */
    public NewEvent(UUID eventId, String type, byte[] data, UUID correlationId, UUID causationId) {
        this(eventId, type, data, correlationId, causationId, NO_ACTOR);
    }

    /** Checks an actor: not null, at most {@link #MAX_ACTOR_BYTES} UTF-8 bytes. */
    static String requireActor(String actor) {
        Objects.requireNonNull(actor, "actor");
        if (actor.getBytes(StandardCharsets.UTF_8).length > MAX_ACTOR_BYTES) {
            throw new IllegalArgumentException("an event's actor is at most " + MAX_ACTOR_BYTES + " UTF-8 bytes, was "
                    + actor.length() + " characters");
        }
        return actor;
    }

    /** This event as a store records it: in {@code streamId} at {@code version}, at log {@code position}. */
    public RecordedEvent recorded(String streamId, long version, long position, Instant recordedAt) {
        return new RecordedEvent(
                eventId, streamId, version, position, type, recordedAt, correlationId, causationId, data, actor);
    }

    /** An event that starts its own conversation: correlated and caused by itself. */
    public static NewEvent of(UUID eventId, String type, byte[] data) {
        return new NewEvent(eventId, type, data, eventId, eventId);
    }
}
