package dev.cairn.testing;

import dev.cairn.core.command.CommandContext;
import dev.cairn.core.processing.Envelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A command a reaction or process manager sent, with the context the runtime gives it: an id
 * derived from the sender, the causing event and the command's index, so a redelivered event
 * sends the very same command again (which the store then drops as a retry).
 */
public record SentCommand<C>(C command, CommandContext context) {

    public SentCommand {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(context, "context");
    }

    /** What the runtime sends for {@code commands}: the same contexts core's processors derive. */
    static <C> List<SentCommand<C>> reactingTo(String sender, Envelope<?> cause, List<? extends C> commands) {
        List<SentCommand<C>> sent = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            sent.add(new SentCommand<>(
                    commands.get(i), CommandContext.reactingTo(sender, cause.eventId(), cause.correlationId(), i)));
        }
        return List.copyOf(sent);
    }

    @Override
    public String toString() {
        return command + " (command id " + context.commandId() + ")";
    }
}
