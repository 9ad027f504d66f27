package dev.cairn.core.command;

/**
 * Where reactions and process managers send commands: usually a {@link CommandHandler}'s
 * {@code handle} method, or a router over several.
 */
@FunctionalInterface
public interface CommandSender<C> {
    CommandResult send(C command, CommandContext context);
}
