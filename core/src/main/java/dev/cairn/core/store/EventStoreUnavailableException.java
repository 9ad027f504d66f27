package dev.cairn.core.store;

import java.util.Optional;

/**
 * The store cannot be reached, is closed, or does not take appends at the moment; the operation
 * may succeed later. A store that knows why in terms fit for clients (no addresses, no
 * credentials: "disk full in /var/lib/cairn") gives that {@link #reason()}; hosts show it, and
 * show nothing of the message otherwise.
 */
public final class EventStoreUnavailableException extends EventStoreException {
    private final String reason;

    public EventStoreUnavailableException(String message) {
        super(message);
        this.reason = null;
    }

    public EventStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
        this.reason = null;
    }

    private EventStoreUnavailableException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** An unavailable store whose {@code reason} may be shown to clients as it is. */
    public static EventStoreUnavailableException because(String reason, Throwable cause) {
        return new EventStoreUnavailableException(reason, reason, cause);
    }

    /** Why the store is unavailable, in words fit for clients; empty when only the log may know. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }
}
