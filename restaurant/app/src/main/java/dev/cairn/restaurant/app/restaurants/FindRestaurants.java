package dev.cairn.restaurant.app.restaurants;

import java.util.List;
import java.util.Optional;

/** The questions the restaurants' read side answers. */
public interface FindRestaurants {
    Optional<RestaurantView> byId(String restaurantId);

    List<RestaurantView> all();
}
