package dev.cairn.restaurant.app.restaurants;

import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.Projection;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.RestaurantEvent.MenuRevised;
import dev.cairn.restaurant.contracts.RestaurantEvent.RestaurantRegistered;
import dev.cairn.restaurant.contracts.Triggered;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The restaurants' read model: every restaurant with its current menu. */
final class RestaurantCatalog implements Projection<PublishedEvent>, Triggered, FindRestaurants {

    private final Map<String, RestaurantView> restaurants = new ConcurrentHashMap<>();

    @Override
    public void apply(Envelope<PublishedEvent> event) {
        switch (event.event()) {
            case RestaurantRegistered r ->
                restaurants.putIfAbsent(
                        r.restaurantId(),
                        new RestaurantView(r.restaurantId(), r.name(), r.menu().items()));
            case MenuRevised revised ->
                restaurants.computeIfPresent(
                        revised.restaurantId(),
                        (id, view) -> new RestaurantView(
                                id, view.name(), revised.menu().items()));
            default -> {}
        }
    }

    @Override
    public void reset() {
        restaurants.clear();
    }

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(RestaurantRegistered.class, MenuRevised.class);
    }

    @Override
    public Optional<RestaurantView> byId(String restaurantId) {
        return Optional.ofNullable(restaurants.get(restaurantId));
    }

    @Override
    public List<RestaurantView> all() {
        return restaurants.values().stream()
                .sorted(Comparator.comparing(RestaurantView::name).thenComparing(RestaurantView::restaurantId))
                .toList();
    }
}
