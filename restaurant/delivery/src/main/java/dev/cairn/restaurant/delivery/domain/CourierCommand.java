package dev.cairn.restaurant.delivery.domain;

import dev.cairn.restaurant.contracts.CourierEvent.CourierRegistered;
import dev.cairn.restaurant.contracts.Require;
import dev.cairn.restaurant.contracts.Streams;

/** What may be asked of a courier; all go to {@code courier-<courierId>}. */
public sealed interface CourierCommand {

    String courierId();

    default String streamId() {
        return Streams.courier(courierId());
    }

    /** {@code POST /api/couriers}: a new courier, available at once; the host chooses the id. */
    record RegisterCourier(String courierId, String name) implements CourierCommand {
        public RegisterCourier {
            Require.id("courierId", courierId);
            Require.text("name", name, CourierRegistered.MAX_NAME_LENGTH);
        }
    }

    /** {@code POST /api/couriers/{id}/availability}. */
    record SetCourierAvailability(String courierId, boolean available) implements CourierCommand {
        public SetCourierAvailability {
            Require.id("courierId", courierId);
        }
    }
}
