package dev.cairn.lab.async;

import dev.cairn.core.codec.EncodedEvent;
import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.command.CommandContext;
import dev.cairn.core.command.CommandResult;
import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import java.util.List;

/**
 * Sends a message by appending it to the addressed service's inbox stream. The message's id is
 * the sending command's id (derived from the saga's cause), so sending it again after a crash is
 * a retry the store drops; its causation is that command, as for any event a command produces.
 */
final class Outbox {

    private final EventStore store;
    private final EventCodec<ServiceMessage> codec;

    Outbox(EventStore store, EventCodec<ServiceMessage> codec) {
        this.store = store;
        this.codec = codec;
    }

    CommandResult send(ServiceMessage message, CommandContext context) {
        EncodedEvent encoded = codec.encode(message);
        NewEvent event = new NewEvent(
                context.eventId(0), encoded.type(), encoded.data(), context.correlationId(), context.commandId());
        AppendResult appended = store.append(message.streamId(), ExpectedVersion.any(), List.of(event));
        return new CommandResult.Accepted(appended.streamId(), appended.lastVersion(), appended.lastPosition());
    }
}
