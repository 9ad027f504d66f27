package dev.cairn.restaurant.app;

import dev.cairn.core.command.CommandHandler;
import dev.cairn.core.command.CommandSender;
import dev.cairn.core.hosting.HostedProcessor;
import dev.cairn.core.hosting.Sharing;
import dev.cairn.core.model.Decider;
import dev.cairn.core.processing.InMemoryCheckpointStore;
import dev.cairn.core.processing.ProcessManager;
import dev.cairn.core.processing.Processors;
import dev.cairn.core.processing.Projection;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.Triggered;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the command handlers and processors of a context the same way everywhere: command
 * handlers on the context's own vocabulary, processors with effects as the store hosts them
 * ({@link dev.cairn.core.hosting.StoreBackend#host}), in-memory views and replicas whole in every
 * process that needs them.
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
     * A command handler for a context's decider, writing and reading only the context's own
     * vocabulary ({@link Narrowed#codec}).
     */
    public static <C, S, E extends PublishedEvent> CommandHandler<C, S, E> commandHandler(
            Infrastructure infra, Decider<C, S, E> decider, Class<E> vocabulary, Function<? super C, String> streamOf) {
        return CommandHandler.of(infra.store(), decider, Narrowed.codec(infra.codec(), vocabulary), streamOf);
    }

    /**
     * A processor running a context's reactions, with durable progress, hosted as the store
     * hosts processors with effects: whole in this process, or split by order between the
     * processes sharing the store. Lanes are keyed by order, and commands are sent as the
     * processor (not a partition), so their ids are the same wherever they are sent from.
     */
    public static <C> HostedProcessor reactions(
            Infrastructure infra, String name, TriggeredReaction<C> reaction, CommandSender<C> sender) {
        EventFilter filter = EventFilter.ofTypes(reaction.triggerTypeNames());
        return infra.backend()
                .host(
                        name,
                        Sharing.BY_ENTITY,
                        (part, log) -> TrackingProcessor.builder(
                                        part.checkpointName(),
                                        log,
                                        Processors.reactionHandler(name, infra.codec(), reaction, sender))
                                .filter(filter)
                                .concurrency(REACTION_LANES)
                                .partitionBy(BY_ORDER));
    }

    /**
     * A processor running a process manager, with durable progress, hosted like {@link #reactions};
     * it reads only the events the manager names as its triggers.
     *
     * @param sharing how its instances in several processes may split the work: by the entity its
     *                instances are keyed by, or one process at a time for a single instance
     */
    public static <S, C, M extends ProcessManager<S, PublishedEvent, C> & Triggered> HostedProcessor processManager(
            Infrastructure infra, String name, M manager, CommandSender<C> sender, Sharing sharing) {
        EventFilter filter = EventFilter.ofTypes(manager.triggerTypeNames());
        return infra.backend().host(name, sharing, (part, log) -> {
            // Split by entity, an event joined under another instance would miss that instance's other events.
            ProcessManager<S, PublishedEvent, C> checked =
                    part.partitioned() && sharing == Sharing.BY_ENTITY ? new KeyedByEntity<>(name, manager) : manager;
            return Processors.processManager(part.checkpointName(), log, infra.codec(), checked, sender)
                    .filter(filter)
                    .concurrency(REACTION_LANES);
        });
    }

    /**
     * A processor keeping an in-memory replica or view: rebuilt from the log on every start, so
     * its checkpoint lives in memory too.
     */
    public static <P extends Projection<PublishedEvent> & Triggered> TrackingProcessor inMemoryView(
            Infrastructure infra, String name, P projection) {
        return inMemoryView(infra, name, projection, projection.triggerTypeNames());
    }

    public static TrackingProcessor inMemoryView(
            Infrastructure infra, String name, Projection<PublishedEvent> projection, Set<String> typeNames) {
        return Processors.projection(name, infra.store(), infra.codec(), projection)
                .filter(EventFilter.ofTypes(typeNames))
                .checkpoints(new InMemoryCheckpointStore())
                .batchSize(2_000)
                .build();
    }
}
