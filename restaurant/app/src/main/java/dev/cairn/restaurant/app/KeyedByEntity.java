package dev.cairn.restaurant.app;

import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.ProcessManager;
import dev.cairn.restaurant.contracts.PublishedEvent;
import java.util.List;
import java.util.Optional;

/**
 * A process manager split between processes by entity: refuses (and so parks) an event whose
 * instance is not its stream's entity, which would be joined in a partition that does not see the
 * instance's other events.
 */
record KeyedByEntity<S, C>(String name, ProcessManager<S, PublishedEvent, C> manager)
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
        String entity = Wiring.BY_ORDER.apply(event.recorded());
        manager.instanceOf(event.event())
                .filter(instance -> !instance.equals(entity))
                .ifPresent(instance -> {
                    throw new IllegalStateException(name + " is partitioned by entity, but " + event.recorded()
                            + " belongs to instance " + instance + ", not " + entity
                            + ": it would be joined without the instance's other events");
                });
        return manager.react(before, after, event);
    }
}
