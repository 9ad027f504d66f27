package dev.cairn.restaurant.app.restaurants;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.app.Directory;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.RestaurantEvent.MenuRevised;
import dev.cairn.restaurant.contracts.RestaurantEvent.RestaurantRegistered;
import java.util.Set;

/** The restaurants' read model: every restaurant with its current menu. */
final class RestaurantCatalog extends Directory<RestaurantView> implements FindRestaurants {

    RestaurantCatalog() {
        super(RestaurantView::name, RestaurantView::restaurantId);
    }

    @Override
    public void apply(Envelope<PublishedEvent> event) {
        switch (event.event()) {
            case RestaurantRegistered registered ->
                register(new RestaurantView(
                        registered.restaurantId(),
                        registered.name(),
                        registered.menu().items()));
            case MenuRevised revised ->
                update(
                        revised.restaurantId(),
                        view -> view.withMenu(revised.menu().items()));
            default -> {}
        }
    }

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(RestaurantRegistered.class, MenuRevised.class);
    }
}
