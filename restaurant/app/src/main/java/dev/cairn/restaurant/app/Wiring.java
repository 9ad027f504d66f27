package dev.cairn.restaurant.app;

import dev.cairn.core.command.CommandSender;
import dev.cairn.core.processing.InMemoryCheckpointStore;
import dev.cairn.core.processing.ProcessManager;
import dev.cairn.core.processing.Processors;
import dev.cairn.core.processing.Projection;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.store.EventFilter;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.Triggered;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import java.util.Set;

/** Builds the processors of a context the same way everywhere. */
public final class Wiring {

    /**
     * Lanes per reaction processor: reactions wait on durable appends, so handling independent
     * streams at once lets one group commit carry many of them.
     */
    static final int REACTION_LANES = 32;

    private Wiring() {}

    /**
     * A processor running a context's reactions, with a durable checkpoint; its lanes keep each
     * order's events in log order across the order's streams.
     */
    public static <C> TrackingProcessor reactions(Infrastructure infra, String name, TriggeredReaction<C> reaction,
                                                  CommandSender<C> sender) {
        return TrackingProcessor.builder(name, infra.store(), new OrderLaneReactionHandler<>(name, infra.codec(), reaction, sender))
                .filter(EventFilter.ofTypes(reaction.triggerTypeNames()))
                .checkpoints(infra.checkpoints())
                .concurrency(REACTION_LANES)
                .build();
    }

    /** A processor running a process manager, with a durable checkpoint. */
    public static <S, C> TrackingProcessor processManager(Infrastructure infra, String name,
                                                          ProcessManager<S, PublishedEvent, C> manager,
                                                          Set<String> triggerTypeNames, CommandSender<C> sender) {
        return Processors.processManager(name, infra.store(), infra.codec(), manager, sender)
                .filter(EventFilter.ofTypes(triggerTypeNames))
                .checkpoints(infra.checkpoints())
                .concurrency(REACTION_LANES)
                .build();
    }

    /**
     * A processor keeping an in-memory replica or view: rebuilt from the log on every start, so
     * its checkpoint lives in memory too.
     */
    public static <P extends Projection<PublishedEvent> & Triggered> TrackingProcessor inMemoryView(
            Infrastructure infra, String name, P projection) {
        return inMemoryView(infra, name, projection, projection.triggerTypeNames());
    }

    public static TrackingProcessor inMemoryView(Infrastructure infra, String name, Projection<PublishedEvent> projection,
                                                 Set<String> typeNames) {
        return Processors.projection(name, infra.store(), infra.codec(), projection)
                .filter(EventFilter.ofTypes(typeNames))
                .checkpoints(new InMemoryCheckpointStore())
                .batchSize(2_000)
                .build();
    }
}
