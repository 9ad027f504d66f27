package dev.cairn.core.command;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a command comes from: its own id, the conversation it belongs to, and what caused it.
 *
 * <p>The ids of the events a command produces are derived from the command id
 * ({@link #eventId(int)}), so handling the same command twice appends nothing new: the store sees
 * a retry of the first append (requirement 7). That is what makes redelivered reactions harmless.
 *
 * @param commandId     unique per command; the same id means the same command
 * @param correlationId the conversation (the first command's id)
 * @param causationId   the command or event that caused this one
 * @param actor         who is acting, recorded with every event the command appends (e.g. {@code consumer:42});
 *                      {@code system:<context>} for a reaction; empty when unknown
 */
public record CommandContext(UUID commandId, UUID correlationId, UUID causationId, String actor) {

    public CommandContext {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(causationId, "causationId");
        Objects.requireNonNull(actor, "actor");
    }

    /** A command whose actor is not known. */
    public CommandContext(UUID commandId, UUID correlationId, UUID causationId) {
        this(commandId, correlationId, causationId, "");
    }

    /** The same command, acted by {@code who}. */
    public CommandContext actedBy(String who) {
        return new CommandContext(commandId, correlationId, causationId, who);
    }

    /** A command that starts a conversation (e.g. an HTTP request); the caller chooses the id. */
    public static CommandContext startingWith(UUID commandId) {
        return new CommandContext(commandId, commandId, commandId);
    }

    /**
     * The {@code index}-th command sent by {@code sender} in reaction to the event {@code causeId},
     * in conversation {@code correlationId}. Deterministic, so redelivery sends the same command.
     */
    public static CommandContext reactingTo(String sender, UUID causeId, UUID correlationId, int index) {
        return new CommandContext(
                nameBased(sender + "/" + causeId + "/" + index), correlationId, causeId, systemActor(sender));
    }

    /** {@code system:<context>} for a sender named {@code <context>.<processor>} (e.g. {@code kitchen.reactions}). */
    static String systemActor(String sender) {
        int dot = sender.indexOf('.');
        return "system:" + (dot > 0 ? sender.substring(0, dot) : sender);
    }

    /** The id of the {@code index}-th event this command produces. */
    public UUID eventId(int index) {
        if (index == 0) {
            return commandId;
        }
        byte[] bytes = ByteBuffer.allocate(20)
                .putLong(commandId.getMostSignificantBits())
                .putLong(commandId.getLeastSignificantBits())
                .putInt(index)
                .array();
        return NameBasedIds.of(bytes);
    }

    private static UUID nameBased(String name) {
        return NameBasedIds.of(name.getBytes(StandardCharsets.UTF_8));
    }
}
