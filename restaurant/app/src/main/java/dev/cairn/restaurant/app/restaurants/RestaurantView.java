package dev.cairn.restaurant.app.restaurants;

import dev.cairn.restaurant.contracts.MenuItem;
import java.util.List;

/** A restaurant with its menu, as {@code GET /api/restaurants} shows it. */
public record RestaurantView(String restaurantId, String name, List<MenuItem> menu) {
    public RestaurantView {
        menu = List.copyOf(menu);
    }

    RestaurantView withMenu(List<MenuItem> revised) {
        return new RestaurantView(restaurantId, name, revised);
    }
}
