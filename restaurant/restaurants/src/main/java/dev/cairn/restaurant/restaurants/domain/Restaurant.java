package dev.cairn.restaurant.restaurants.domain;

import dev.cairn.restaurant.contracts.Menu;
import dev.cairn.restaurant.contracts.Require;

/** A restaurant as its own stream tells it. */
public sealed interface Restaurant {

    record Unregistered() implements Restaurant {}

    record Registered(String name, Menu menu) implements Restaurant {
        public Registered {
            Require.present("name", name);
            Require.present("menu", menu);
        }
    }
}
