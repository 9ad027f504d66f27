package dev.cairn.restaurant.app;

import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.command.CommandSender;
import dev.cairn.core.processing.CheckpointStore;
import dev.cairn.core.processing.InMemoryCheckpointStore;
import dev.cairn.core.processing.ProcessManager;
import dev.cairn.core.processing.Processors;
import dev.cairn.core.processing.Projection;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.EventStore;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.Triggered;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the processors of a context the same way everywhere: processors with effects through the
 * infrastructure's {@link ProcessorFactory}, in-memory views and replicas whole in every process
 * that needs them.
 */
public final class Wiring {

    /**
     * Lanes per reaction processor: reactions wait on durable appends, so handling independent
     * streams at once lets one group commit carry many of them.
     */
    static final int REACTION_LANES = 32;

    /**
     * Lanes by order: the id after a stream's category, the same for every stream of one order
     * ({@code order-}, {@code verification-}, {@code ticket-}, {@code payment-}, {@code delivery-<orderId>}).
     * Lanes by stream would let a ConsumerVerificationFailed overtake the OrderCreated logged before
     * it: the ticket would be rejected before it existed, then created, and stay CREATE_PENDING.
     */
    static final Function<RecordedEvent, String> BY_ORDER = event -> {
        String stream = event.streamId();
        return stream.substring(stream.indexOf('-') + 1);
    };

    private Wiring() {}

    /**
     * A processor running a context's reactions, with durable progress: whole in this process, or
     * shared with the other processes running it, as {@link Infrastructure#processors()} says.
     */
    public static <C> HostedProcessor reactions(Infrastructure infra, String name, TriggeredReaction<C> reaction,
                                                CommandSender<C> sender) {
        return infra.processors().reactions(name, infra.codec(), reaction, sender);
    }

    /**
     * A processor running a process manager, with durable progress, hosted like {@link #reactions}.
     *
     * @param sharing how its instances in several processes may split the work: by the entity its
     *                instances are keyed by, or one process at a time for a single instance
     */
    public static <S, C> HostedProcessor processManager(Infrastructure infra, String name,
                                                        ProcessManager<S, PublishedEvent, C> manager,
                                                        Set<String> triggerTypeNames, CommandSender<C> sender,
                                                        ProcessorFactory.Sharing sharing) {
        return infra.processors().processManager(name, infra.codec(), manager, triggerTypeNames, sender, sharing);
    }

    /**
     * A tracking processor running a context's reactions over the whole log, with a durable
     * checkpoint; its lanes keep each order's events in log order across the order's streams.
     */
    static <C> TrackingProcessor trackingReactions(EventStore store, CheckpointStore checkpoints, EventCodec<PublishedEvent> codec,
                                                   String name, TriggeredReaction<C> reaction, CommandSender<C> sender) {
        return TrackingProcessor.builder(name, store, Processors.reactionHandler(name, codec, reaction, sender))
                .filter(EventFilter.ofTypes(reaction.triggerTypeNames()))
                .checkpoints(checkpoints)
                .concurrency(REACTION_LANES)
                .partitionBy(BY_ORDER)
                .build();
    }

    /** A tracking processor running a process manager over the whole log, with a durable checkpoint. */
    static <S, C> TrackingProcessor trackingProcessManager(EventStore store, CheckpointStore checkpoints,
                                                           EventCodec<PublishedEvent> codec, String name,
                                                           ProcessManager<S, PublishedEvent, C> manager,
                                                           Set<String> triggerTypeNames, CommandSender<C> sender) {
        return Processors.processManager(name, store, codec, manager, sender)
                .filter(EventFilter.ofTypes(triggerTypeNames))
                .checkpoints(checkpoints)
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
