package dev.cairn.core.store;

import java.util.UUID;

/**
 * An append reused an event id the store already holds, and it is not a retry of the append that
 * recorded it (other stream, other order, or a mix of old and new ids). Nothing was appended.
 */
public final class DuplicateEventIdException extends EventStoreException {
    private final UUID eventId;

    public DuplicateEventIdException(UUID eventId, String detail) {
        super("event id " + eventId + " is already recorded: " + detail);
        this.eventId = eventId;
    }

    public UUID eventId() {
        return eventId;
    }
}
