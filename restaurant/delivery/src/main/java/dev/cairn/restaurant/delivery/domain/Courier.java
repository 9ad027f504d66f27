package dev.cairn.restaurant.delivery.domain;

import dev.cairn.restaurant.contracts.Require;

/**
 * A courier as their own stream tells it. Whether they are busy is not here: it follows from
 * delivery events and is tracked by {@link CourierDispatchProcess}, the one place that assigns.
 */
public sealed interface Courier {

    record Unregistered() implements Courier {}

    record Registered(String name, boolean available) implements Courier {
        public Registered {
            Require.present("name", name);
        }
    }
}
