package dev.cairn.lab.async;

import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.command.CommandContext;
import dev.cairn.core.command.CommandResult;
import dev.cairn.core.command.CommandSender;
import dev.cairn.core.processing.CheckpointStore;
import dev.cairn.core.processing.Processors;
import dev.cairn.core.processing.Reaction;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.lab.eventsourced.InjectedDelay;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * A service that acts only on the messages addressed to it: one processor reads its inbox streams
 * and hands each message, turned into a command of the service's own decider, to its command
 * handler, which appends the reply to the service's own streams. It never reads another service's
 * events. Stopping it leaves its messages waiting on the log; starting it again resumes from its
 * checkpoint.
 *
 * @param <M> the messages addressed to it
 * @param <C> its decider's commands
 */
final class InboxService<M extends ServiceMessage, C> {

    /** Lanes by order, as the restaurant's reactions: one order's messages in log order, orders side by side. */
    private static final int LANES = 32;

    private final String name;
    private final EventStore store;
    private final CheckpointStore checkpoints;
    private final EventFilter inbox;
    private final EventCodec<ServiceMessage> codec;
    private final Reaction<ServiceMessage, C> translation;
    private final CommandSender<C> handler;
    private final InjectedDelay delay = new InjectedDelay();
    private TrackingProcessor processor;

    /**
     * @param name      the processor's name: its checkpoint, and the sender its commands' ids derive from
     * @param addressed the sub-vocabulary of messages to this service
     * @param command   the service's command for a message
     */
    InboxService(
            String name,
            EventStore store,
            CheckpointStore checkpoints,
            EventCodec<ServiceMessage> codec,
            String inboxCategory,
            Class<M> addressed,
            Function<M, C> command,
            CommandSender<C> handler) {
        this.name = name;
        this.codec = codec;
        this.store = store;
        this.checkpoints = checkpoints;
        this.inbox = EventFilter.categories(inboxCategory);
        this.translation = message -> List.of(command.apply(addressed.cast(message.event())));
        this.handler = handler;
    }

    String name() {
        return name;
    }

    synchronized void start() {
        if (processor == null) {
            CommandSender<C> delayed = this::handleAfterDelay;
            processor = TrackingProcessor.builder(
                            name, store, Processors.reactionHandler(name, codec, translation, delayed))
                    .filter(inbox)
                    .checkpoints(checkpoints)
                    .concurrency(LANES)
                    .partitionBy(InboxService::orderOf)
                    .build();
            processor.start();
        }
    }

    /** Stops reading its inbox; what arrives meanwhile waits on the log. */
    synchronized void stop() {
        if (processor != null) {
            processor.stop();
            processor = null;
        }
    }

    synchronized boolean running() {
        return processor != null;
    }

    /** Every message handled from now on takes {@code delay} more; {@link Duration#ZERO} ends it. */
    void delay(Duration delay) {
        this.delay.set(delay);
    }

    private CommandResult handleAfterDelay(C command, CommandContext context) {
        delay.await();
        return handler.send(command, context);
    }

    private static String orderOf(RecordedEvent event) {
        String stream = event.streamId();
        return stream.substring(stream.indexOf('-') + 1);
    }
}
