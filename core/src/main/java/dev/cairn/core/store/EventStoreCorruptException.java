package dev.cairn.core.store;

/**
 * Stored data failed its integrity checks (a checksum, a position out of sequence). Nothing
 * heals this by waiting: whoever meets it stops rather than serve around the damage, and an
 * operator repairs the store. The message names where the damage is and is fit to show.
 */
public class EventStoreCorruptException extends EventStoreException {
    public EventStoreCorruptException(String message) {
        super(message);
    }
}
