package dev.cairn.core.processing;

import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.command.CommandContext;
import dev.cairn.core.command.CommandResult;
import dev.cairn.core.command.CommandSender;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.RecordedEvent;
import java.util.List;

/**
 * Builds {@link TrackingProcessor}s for typed projections, reactions and process managers. Each
 * reads only the event types its codec knows.
 */
public final class Processors {

    private static final System.Logger LOG = System.getLogger(Processors.class.getName());

    private Processors() {}

    /** A processor that keeps a projection's read model up to date. */
    public static <E> TrackingProcessor.Builder projection(
            String name, EventStore store, EventCodec<E> codec, Projection<E> projection) {
        EventHandler handler = new EventHandler() {
            @Override
            public void handle(RecordedEvent event) {
                projection.apply(new Envelope<>(codec.decode(event.type(), event.data()), event));
            }

            @Override
            public void reset() {
                projection.reset();
            }
        };
        return TrackingProcessor.builder(name, store, handler).filter(EventFilter.ofTypes(codec.typeNames()));
    }

    /** A processor that sends a reaction's commands; the processor's name identifies it as their sender. */
    public static <E, C> TrackingProcessor.Builder reaction(
            String name, EventStore store, EventCodec<E> codec, Reaction<E, C> reaction, CommandSender<C> sender) {
        return TrackingProcessor.builder(name, store, reactionHandler(name, codec, reaction, sender))
                .filter(EventFilter.ofTypes(codec.typeNames()));
    }

    /**
     * The handler behind {@link #reaction}, for hosts that build processors their own way (one per
     * partition, say): {@code sender} names the commands' origin, so redelivery derives the same ids.
     */
    public static <E, C> EventHandler reactionHandler(
            String sender, EventCodec<E> codec, Reaction<E, C> reaction, CommandSender<C> target) {
        return event -> {
            Envelope<E> envelope = new Envelope<>(codec.decode(event.type(), event.data()), event);
            send(sender, envelope, reaction.react(envelope), target);
        };
    }

    /** A processor that runs a process manager, rebuilding its instances' state from the log on start. */
    public static <S, E, C> TrackingProcessor.Builder processManager(
            String name,
            EventStore store,
            EventCodec<E> codec,
            ProcessManager<S, E, C> manager,
            CommandSender<C> sender) {
        EventFilter filter = EventFilter.ofTypes(codec.typeNames());
        var handler = new ProcessManagerHandler<>(name, store, codec, filter, manager, sender);
        return TrackingProcessor.builder(name, store, handler).filter(filter);
    }

    static <E, C> void send(String sender, Envelope<E> cause, List<C> commands, CommandSender<C> target) {
        for (int i = 0; i < commands.size(); i++) {
            C command = commands.get(i);
            CommandContext context = CommandContext.reactingTo(sender, cause.eventId(), cause.correlationId(), i);
            CommandResult result = target.send(command, context);
            if (result instanceof CommandResult.Rejected rejected) {
                // A rejected reaction is an outcome, not a failure: the decider said no, and retrying will not change
                // that.
                LOG.log(
                        System.Logger.Level.DEBUG,
                        "{0}: {1} caused by {2} was rejected: {3}",
                        sender,
                        command.getClass().getSimpleName(),
                        cause.recorded(),
                        rejected.reason());
            }
        }
    }
}
