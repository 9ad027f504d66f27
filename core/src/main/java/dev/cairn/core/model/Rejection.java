package dev.cairn.core.model;

import java.util.Objects;

/**
 * A command refused by a decider: the command failed, and nothing was appended.
 *
 * <p>{@code reason} is a stable code (e.g. {@code ORDER_NOT_CANCELLABLE}) that clients may match
 * on; the message is a sentence for people, naming the field or rule.
 */
public final class Rejection extends RuntimeException {

    /** What kind of refusal it is, so a host (HTTP, CLI) can answer in its own terms. */
    public enum Kind {
        /** The command itself is malformed or out of range. */
        INVALID,
        /** The entity the command addresses does not exist. */
        NOT_FOUND,
        /** Something the command refers to (another entity, a menu item) is unknown. */
        UNKNOWN_REFERENCE,
        /** The command is not allowed in the entity's current state. */
        NOT_ALLOWED
    }

    private final Kind kind;
    private final String reason;

    public Rejection(Kind kind, String reason, String message) {
        super(message, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public static Rejection invalid(String reason, String message) {
        return new Rejection(Kind.INVALID, reason, message);
    }

    public static Rejection notFound(String reason, String message) {
        return new Rejection(Kind.NOT_FOUND, reason, message);
    }

    public static Rejection unknownReference(String reason, String message) {
        return new Rejection(Kind.UNKNOWN_REFERENCE, reason, message);
    }

    public static Rejection notAllowed(String reason, String message) {
        return new Rejection(Kind.NOT_ALLOWED, reason, message);
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "Rejection[" + kind + " " + reason + ": " + getMessage() + "]";
    }
}
