package dev.cairn.restaurant.restaurants.domain;

import dev.cairn.restaurant.contracts.Menu;
import dev.cairn.restaurant.contracts.Require;
import dev.cairn.restaurant.contracts.RestaurantEvent.RestaurantRegistered;
import dev.cairn.restaurant.contracts.Streams;

/** What may be asked of a restaurant; all go to {@code restaurant-<restaurantId>}. */
public sealed interface RestaurantCommand {

    String restaurantId();

    default String streamId() {
        return Streams.restaurant(restaurantId());
    }

    /** {@code POST /api/restaurants}: a new restaurant with its menu; the host chooses the id. */
    record RegisterRestaurant(String restaurantId, String name, Menu menu) implements RestaurantCommand {
        public RegisterRestaurant {
            Require.id("restaurantId", restaurantId);
            Require.text("name", name, RestaurantRegistered.MAX_NAME_LENGTH);
            Require.present("menu", menu);
        }
    }

    /** Replaces the whole menu. */
    record ReviseMenu(String restaurantId, Menu menu) implements RestaurantCommand {
        public ReviseMenu {
            Require.id("restaurantId", restaurantId);
            Require.present("menu", menu);
        }
    }
}
