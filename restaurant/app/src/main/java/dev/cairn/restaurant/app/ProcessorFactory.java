package dev.cairn.restaurant.app;

import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.command.CommandSender;
import dev.cairn.core.processing.CheckpointStore;
import dev.cairn.core.processing.ProcessManager;
import dev.cairn.core.store.EventStore;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import java.util.Objects;
import java.util.Set;

/**
 * How a process hosts the processors with effects (reactions, process managers): on the embedded
 * stores each runs whole in the one process ({@link #local}); on a shared database the instances
 * of a processor in several processes split its work ({@link PartitionedProcessors}). In-memory
 * views and replicas are not made here: every process that needs one builds its own.
 */
public interface ProcessorFactory {

    /** How the instances of a process manager may share its work. */
    enum Sharing {
        /**
         * Split by entity, the stream id without its category: every event of one instance
         * ({@code order-42}, {@code ticket-42}, {@code verification-42} → instance {@code 42}) is
         * handled by one process, in log order. For process managers whose instance key is that id.
         */
        BY_ENTITY,
        /** One process at a time does all of it, the others stand by: a process manager with a single instance. */
        ONE_AT_A_TIME
    }

    /** A processor running a context's reactions, with durable progress. */
    <C> HostedProcessor reactions(String name, EventCodec<PublishedEvent> codec, TriggeredReaction<C> reaction, CommandSender<C> sender);

    /** A processor running a process manager, with durable progress. */
    <S, C> HostedProcessor processManager(String name, EventCodec<PublishedEvent> codec, ProcessManager<S, PublishedEvent, C> manager,
                                          Set<String> triggerTypeNames, CommandSender<C> sender, Sharing sharing);

    /** Each processor whole, as one {@link dev.cairn.core.processing.TrackingProcessor} with checkpoints in {@code checkpoints}. */
    static ProcessorFactory local(EventStore store, CheckpointStore checkpoints) {
        return new Local(store, checkpoints);
    }

    /** The embedded stores' way: one tracking processor per processor, reading the whole log. */
    record Local(EventStore store, CheckpointStore checkpoints) implements ProcessorFactory {

        public Local {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(checkpoints, "checkpoints");
        }

        @Override
        public <C> HostedProcessor reactions(String name, EventCodec<PublishedEvent> codec, TriggeredReaction<C> reaction,
                                             CommandSender<C> sender) {
            return HostedProcessor.of(Wiring.trackingReactions(store, checkpoints, codec, name, reaction, sender));
        }

        @Override
        public <S, C> HostedProcessor processManager(String name, EventCodec<PublishedEvent> codec,
                                                     ProcessManager<S, PublishedEvent, C> manager, Set<String> triggerTypeNames,
                                                     CommandSender<C> sender, Sharing sharing) {
            return HostedProcessor.of(Wiring.trackingProcessManager(store, checkpoints, codec, name, manager, triggerTypeNames, sender));
        }
    }
}
