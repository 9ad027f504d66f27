package dev.cairn.restaurant.app.consumers;

import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.Projection;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerDeactivated;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerReactivated;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerRegistered;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.Triggered;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The consumers' read model for {@code GET /api/consumers} and {@code /api/consumers/{id}}: who is registered, by name, and whether active. */
final class ConsumerDirectory implements Projection<PublishedEvent>, Triggered, FindConsumer {

    private final Map<String, ConsumerView> consumers = new ConcurrentHashMap<>();

    @Override
    public void apply(Envelope<PublishedEvent> event) {
        switch (event.event()) {
            case ConsumerRegistered registered ->
                consumers.putIfAbsent(
                        registered.consumerId(), new ConsumerView(registered.consumerId(), registered.name(), true));
            case ConsumerDeactivated deactivated ->
                consumers.computeIfPresent(deactivated.consumerId(), (id, view) -> view.withActive(false));
            case ConsumerReactivated reactivated ->
                consumers.computeIfPresent(reactivated.consumerId(), (id, view) -> view.withActive(true));
            default -> {}
        }
    }

    @Override
    public void reset() {
        consumers.clear();
    }

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(ConsumerRegistered.class, ConsumerDeactivated.class, ConsumerReactivated.class);
    }

    @Override
    public Optional<ConsumerView> byId(String consumerId) {
        return Optional.ofNullable(consumers.get(consumerId));
    }

    @Override
    public List<ConsumerView> all() {
        return consumers.values().stream()
                .sorted(Comparator.comparing(ConsumerView::name).thenComparing(ConsumerView::consumerId))
                .toList();
    }
}
