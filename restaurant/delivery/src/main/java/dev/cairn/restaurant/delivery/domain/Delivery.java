package dev.cairn.restaurant.delivery.domain;

import dev.cairn.restaurant.contracts.Require;
import java.util.Optional;

/** An order's delivery as its own stream tells it. */
public sealed interface Delivery {

    record NoDelivery() implements Delivery {}

    /** @param courierId the courier, once scheduled */
    record Existing(DeliveryStatus status, Optional<String> courierId) implements Delivery {
        public Existing {
            Require.present("status", status);
            Require.present("courierId", courierId);
        }

        Existing in(DeliveryStatus newStatus) {
            return new Existing(newStatus, courierId);
        }

        Existing scheduledWith(String courier) {
            return new Existing(DeliveryStatus.SCHEDULED, Optional.of(courier));
        }
    }
}
