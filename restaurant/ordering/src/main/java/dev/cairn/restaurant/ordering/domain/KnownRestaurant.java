package dev.cairn.restaurant.ordering.domain;

import dev.cairn.restaurant.contracts.Menu;
import dev.cairn.restaurant.contracts.Require;

/** A restaurant as ordering's replica knows it: enough to price an order. */
public record KnownRestaurant(String restaurantId, String name, Menu menu) {

    public KnownRestaurant {
        Require.id("restaurantId", restaurantId);
        Require.present("name", name);
        Require.present("menu", menu);
    }

    KnownRestaurant withMenu(Menu newMenu) {
        return new KnownRestaurant(restaurantId, name, newMenu);
    }
}
