package dev.cairn.restaurant.app;

import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.command.CommandSender;
import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.ProcessManager;
import dev.cairn.core.processing.ProcessorStatus;
import dev.cairn.core.processing.Processors;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.store.EventFilter;
import dev.cairn.eventstore.postgres.PartitionKey;
import dev.cairn.eventstore.postgres.PartitionedProcessor;
import dev.cairn.eventstore.postgres.PostgresCheckpointStore;
import dev.cairn.eventstore.postgres.PostgresEventStore;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Processors with effects on PostgreSQL, shared by every process running them: each is a
 * {@link PartitionedProcessor} whose instances (one per process, same name) split its partitions
 * through leases, each partition with its own checkpoint; when a process dies, the others take its
 * partitions over once its leases expire (about 6 s).
 *
 * <p>Everything is partitioned by entity ({@link PartitionKey#ENTITY}: {@code order-42},
 * {@code ticket-42}, {@code verification-42} and {@code payment-42} are one entity, {@code 42}):
 * <ul>
 *   <li>a reaction group's commands for one order go out in log order whichever of the order's
 *       streams their events came from (kitchen: the ticket is created before a verification
 *       failure rejects it), within a partition too: its lanes are keyed by order
 *       (lanes by {@link Wiring#BY_ORDER}), and its commands are sent as the processor, not the
 *       partition, so their ids are the same wherever the partition runs;</li>
 *   <li>a process manager keyed by order id ({@code PaymentAuthorizationProcess}) sees all the
 *       events of one instance in one partition; a wrongly keyed event is refused (and parked)
 *       rather than joined in the wrong place;</li>
 *   <li>a process manager with a single instance ({@code CourierDispatchProcess}) has one
 *       partition: one process runs it, the others stand by.</li>
 * </ul>
 */
public final class PartitionedProcessors implements ProcessorFactory {

    /** Partitions per processor unless told otherwise: two replicas get two each, and few workers poll. */
    public static final int DEFAULT_PARTITIONS = 4;

    private final PostgresEventStore store;
    private final PostgresCheckpointStore checkpoints;
    private final int partitions;

    /** @param partitions per shared processor; every process must use the same number */
    public PartitionedProcessors(PostgresEventStore store, PostgresCheckpointStore checkpoints, int partitions) {
        this.store = Objects.requireNonNull(store, "store");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        if (partitions < 1 || partitions > 1024) {
            throw new IllegalArgumentException("partitions must be between 1 and 1024, was " + partitions);
        }
        this.partitions = partitions;
    }

    @Override
    public <C> HostedProcessor reactions(String name, EventCodec<PublishedEvent> codec, TriggeredReaction<C> reaction,
                                         CommandSender<C> sender) {
        EventFilter filter = EventFilter.ofTypes(reaction.triggerTypeNames());
        return new Shared(PartitionedProcessor.workers(name, store, checkpoints, (partition, log) ->
                        TrackingProcessor.builder(partition.checkpointName(), log, Processors.reactionHandler(name, codec, reaction, sender))
                                .filter(filter)
                                .concurrency(Wiring.REACTION_LANES)
                                .partitionBy(Wiring.BY_ORDER))
                .partitions(partitions)
                .partitionBy(PartitionKey.ENTITY)
                .build());
    }

    @Override
    public <S, C> HostedProcessor processManager(String name, EventCodec<PublishedEvent> codec, ProcessManager<S, PublishedEvent, C> manager,
                                                 Set<String> triggerTypeNames, CommandSender<C> sender, Sharing sharing) {
        ProcessManager<S, PublishedEvent, C> checked = sharing == Sharing.BY_ENTITY ? new KeyedByEntity<>(name, manager) : manager;
        return new Shared(PartitionedProcessor.workers(name, store, checkpoints, (partition, log) ->
                        Processors.processManager(partition.checkpointName(), log, codec, checked, sender)
                                .filter(EventFilter.ofTypes(triggerTypeNames))
                                .concurrency(Wiring.REACTION_LANES))
                .partitions(sharing == Sharing.ONE_AT_A_TIME ? 1 : partitions)
                .partitionBy(PartitionKey.ENTITY)
                .build());
    }

    /** This process's share of a partitioned processor. */
    private record Shared(PartitionedProcessor processor) implements HostedProcessor {

        @Override
        public String name() {
            return processor.name();
        }

        @Override
        public void start() {
            processor.start();
        }

        @Override
        public void stop() {
            processor.close();
        }

        @Override
        public Optional<TrackingProcessor> tracking() {
            return Optional.empty();
        }

        /** One row per partition this process holds now ({@code name#index}). */
        @Override
        public List<ProcessorStatus> status() {
            return processor.status();
        }
    }

    /**
     * A process manager partitioned by entity: refuses an event whose instance is not its stream's
     * entity, which would be joined in a partition that does not see the instance's other events.
     */
    private record KeyedByEntity<S, C>(String name, ProcessManager<S, PublishedEvent, C> manager)
            implements ProcessManager<S, PublishedEvent, C> {

        @Override
        public Optional<String> instanceOf(PublishedEvent event) {
            return manager.instanceOf(event);
        }

        @Override
        public S initialState() {
            return manager.initialState();
        }

        @Override
        public S evolve(S state, PublishedEvent event) {
            return manager.evolve(state, event);
        }

        @Override
        public List<C> react(S before, S after, Envelope<PublishedEvent> event) {
            String entity = PartitionKey.entityOf(event.streamId());
            manager.instanceOf(event.event()).filter(instance -> !instance.equals(entity)).ifPresent(instance -> {
                throw new IllegalStateException(name + " is partitioned by entity, but " + event.recorded() + " belongs to instance "
                        + instance + ", not " + entity + ": it would be joined without the instance's other events");
            });
            return manager.react(before, after, event);
        }
    }
}
