/**
 * Command handling. Entry type: {@link dev.cairn.core.command.CommandHandler}: load (with a
 * bounded state cache), decide, append with the expected version, retry on conflict. The answer
 * is a {@link dev.cairn.core.command.CommandResult}: accepted or rejected, never domain data.
 */
package dev.cairn.core.command;
