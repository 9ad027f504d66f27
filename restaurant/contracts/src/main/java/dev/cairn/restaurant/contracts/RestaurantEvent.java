package dev.cairn.restaurant.contracts;

/** Facts of the restaurants context, in {@code restaurant-<restaurantId>}. */
public sealed interface RestaurantEvent extends PublishedEvent {

    String restaurantId();

    /** A restaurant opened with its first menu. */
    record RestaurantRegistered(String restaurantId, String name, Menu menu) implements RestaurantEvent {
        public static final int MAX_NAME_LENGTH = 200;

        public RestaurantRegistered {
            Require.id("restaurantId", restaurantId);
            Require.text("name", name, MAX_NAME_LENGTH);
            Require.present("menu", menu);
        }
    }

    /** The restaurant replaced its whole menu; orders placed before keep their prices. */
    record MenuRevised(String restaurantId, Menu menu) implements RestaurantEvent {
        public MenuRevised {
            Require.id("restaurantId", restaurantId);
            Require.present("menu", menu);
        }
    }
}
