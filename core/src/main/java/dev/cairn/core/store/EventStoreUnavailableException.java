package dev.cairn.core.store;

/** The store cannot be reached or is closed; the operation may succeed later. */
public final class EventStoreUnavailableException extends EventStoreException {
    public EventStoreUnavailableException(String message) {
        super(message);
    }

    public EventStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
