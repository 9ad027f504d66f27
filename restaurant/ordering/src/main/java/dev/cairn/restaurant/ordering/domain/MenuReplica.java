package dev.cairn.restaurant.ordering.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.Projection;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.RestaurantEvent.MenuRevised;
import dev.cairn.restaurant.contracts.RestaurantEvent.RestaurantRegistered;
import dev.cairn.restaurant.contracts.Triggered;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ordering's own copy of every restaurant's menu, built only from restaurant events: ordering
 * never asks the restaurants context anything. The host feeds it from one processor (in log order)
 * and reads it from any thread when building a {@link OrderCommand.PlaceOrder}.
 *
 * <p>Events at or below the last applied position are ignored, so redelivery changes nothing.
 */
public final class MenuReplica implements Projection<PublishedEvent>, Triggered {

    private final Map<String, KnownRestaurant> restaurants = new ConcurrentHashMap<>();
    private volatile long position;

    @Override
    public void apply(Envelope<PublishedEvent> event) {
        if (event.position() <= position) {
            return;
        }
        switch (event.event()) {
            case RestaurantRegistered registered -> restaurants.put(registered.restaurantId(),
                    new KnownRestaurant(registered.restaurantId(), registered.name(), registered.menu()));
            case MenuRevised revised -> restaurants.computeIfPresent(revised.restaurantId(),
                    (id, known) -> known.withMenu(revised.menu()));
            default -> { }
        }
        position = event.position();
    }

    /** The restaurant as last seen, or empty when the replica knows none by that id. */
    public Optional<KnownRestaurant> find(String restaurantId) {
        return Optional.ofNullable(restaurants.get(restaurantId));
    }

    /** The log position this replica has processed, for read-your-writes. */
    public long position() {
        return position;
    }

    @Override
    public void reset() {
        restaurants.clear();
        position = 0;
    }

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(RestaurantRegistered.class, MenuRevised.class);
    }
}
