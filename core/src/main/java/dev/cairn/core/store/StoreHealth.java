package dev.cairn.core.store;

import java.util.Objects;

/**
 * Whether a store takes appends now, and if not why, in words fit for clients and operators.
 * Readiness checks ask it; a store that cannot tell (the in-memory one, a remote database whose
 * outages show as failed calls) is always {@link #ok()}.
 *
 * @param writable whether appends are being acknowledged
 * @param reason   why not (empty when writable)
 */
public record StoreHealth(boolean writable, String reason) {
    private static final StoreHealth WRITABLE = new StoreHealth(true, "");

    public StoreHealth {
        Objects.requireNonNull(reason, "reason");
        if (writable != reason.isEmpty()) {
            throw new IllegalArgumentException("a writable store has no reason, an unavailable one has one");
        }
    }

    public static StoreHealth ok() {
        return WRITABLE;
    }

    public static StoreHealth unavailable(String reason) {
        return new StoreHealth(false, reason);
    }
}
