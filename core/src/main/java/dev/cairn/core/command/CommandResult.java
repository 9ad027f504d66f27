package dev.cairn.core.command;

import dev.cairn.core.model.Rejection;

/**
 * What handling a command came to: accepted or rejected. Never domain data — a client that wants
 * to see the effect asks a query, passing {@link Accepted#position()} for read-your-writes.
 */
public sealed interface CommandResult {

    /**
     * The command succeeded.
     *
     * @param streamId the stream written
     * @param version  the stream's version after the command
     * @param position a log position at or after the command's last event; a view that has
     *                 processed it reflects the command
     */
    record Accepted(String streamId, long version, long position) implements CommandResult {}

    /** The command was refused; nothing was appended. */
    record Rejected(Rejection.Kind kind, String reason, String message) implements CommandResult {
        static Rejected from(Rejection rejection) {
            return new Rejected(rejection.kind(), rejection.reason(), rejection.getMessage());
        }
    }

    default boolean accepted() {
        return this instanceof Accepted;
    }
}
