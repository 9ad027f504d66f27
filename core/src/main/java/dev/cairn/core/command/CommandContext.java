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
 */
public record CommandContext(UUID commandId, UUID correlationId, UUID causationId) {

    public CommandContext {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(causationId, "causationId");
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
        return new CommandContext(nameBased(sender + "/" + causeId + "/" + index), correlationId, causeId);
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
