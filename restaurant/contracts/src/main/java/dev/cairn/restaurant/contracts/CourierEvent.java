package dev.cairn.restaurant.contracts;

/** Facts of the delivery context about couriers, in {@code courier-<courierId>}. */
public sealed interface CourierEvent extends PublishedEvent {

    String courierId();

    /** A new courier, available from the start. */
    record CourierRegistered(String courierId, String name) implements CourierEvent {
        public static final int MAX_NAME_LENGTH = 200;

        public CourierRegistered {
            Require.id("courierId", courierId);
            Require.text("name", name, MAX_NAME_LENGTH);
        }
    }

    /**
     * The courier is (or is no longer) willing to take new deliveries. Going unavailable does not
     * take away a delivery already scheduled with them.
     */
    record CourierAvailabilityChanged(String courierId, boolean available) implements CourierEvent {
        public CourierAvailabilityChanged {
            Require.id("courierId", courierId);
        }
    }
}
