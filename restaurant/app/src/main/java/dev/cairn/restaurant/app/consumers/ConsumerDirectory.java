package dev.cairn.restaurant.app.consumers;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.app.Directory;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerDeactivated;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerReactivated;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerRegistered;
import dev.cairn.restaurant.contracts.PublishedEvent;
import java.util.Set;

/** The consumers' read model for {@code GET /api/consumers} and {@code /api/consumers/{id}}: who is registered, by name, and whether active. */
final class ConsumerDirectory extends Directory<ConsumerView> implements FindConsumer {

    ConsumerDirectory() {
        super(ConsumerView::name, ConsumerView::consumerId);
    }

    @Override
    public void apply(Envelope<PublishedEvent> event) {
        switch (event.event()) {
            case ConsumerRegistered registered ->
                register(new ConsumerView(registered.consumerId(), registered.name(), true));
            case ConsumerDeactivated deactivated -> update(deactivated.consumerId(), view -> view.withActive(false));
            case ConsumerReactivated reactivated -> update(reactivated.consumerId(), view -> view.withActive(true));
            default -> {}
        }
    }

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(ConsumerRegistered.class, ConsumerDeactivated.class, ConsumerReactivated.class);
    }
}
