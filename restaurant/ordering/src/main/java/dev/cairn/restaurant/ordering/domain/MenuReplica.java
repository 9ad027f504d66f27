package dev.cairn.restaurant.ordering.domain;

import dev.cairn.restaurant.contracts.Replica;
import dev.cairn.restaurant.contracts.RestaurantEvent.MenuRevised;
import dev.cairn.restaurant.contracts.RestaurantEvent.RestaurantRegistered;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ordering's own copy of every restaurant's menu, built only from restaurant events: ordering
 * never asks the restaurants context anything. The host feeds it from one processor (in log order)
 * and reads it from any thread when building a {@link OrderCommand.PlaceOrder}.
 */
public final class MenuReplica extends Replica {

    private final Map<String, KnownRestaurant> restaurants = new ConcurrentHashMap<>();

    public MenuReplica() {
        on(
                RestaurantRegistered.class,
                registered -> restaurants.put(
                        registered.restaurantId(),
                        new KnownRestaurant(registered.restaurantId(), registered.name(), registered.menu())));
        on(
                MenuRevised.class,
                revised -> restaurants.computeIfPresent(
                        revised.restaurantId(), (id, known) -> known.withMenu(revised.menu())));
    }

    /** The restaurant as last seen, or empty when the replica knows none by that id. */
    public Optional<KnownRestaurant> find(String restaurantId) {
        return Optional.ofNullable(restaurants.get(restaurantId));
    }

    @Override
    protected void forget() {
        restaurants.clear();
    }
}
