package dev.cairn.restaurant.consumers.domain;

import dev.cairn.restaurant.contracts.Require;

/** A consumer as its own stream tells it. */
public sealed interface Consumer {

    /** No consumer with this id was ever registered. */
    record Unregistered() implements Consumer {}

    record Registered(String name, boolean active) implements Consumer {
        public Registered {
            Require.present("name", name);
        }

        Registered withActive(boolean newActive) {
            return new Registered(name, newActive);
        }
    }

    /** How this consumer stands when an order of theirs is verified. */
    default ConsumerStanding standing() {
        return switch (this) {
            case Unregistered unregistered -> ConsumerStanding.UNKNOWN;
            case Registered registered -> registered.active() ? ConsumerStanding.ACTIVE : ConsumerStanding.INACTIVE;
        };
    }
}
