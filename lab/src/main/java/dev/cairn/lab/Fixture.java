package dev.cairn.lab;

import java.util.Objects;

/**
 * The reference data every style starts with: one active consumer, one restaurant with one menu
 * item, and a consumer id no service knows. A payment token {@link #DECLINED_TOKEN} is declined; any
 * other authorises (the restaurant's rule).
 */
public record Fixture(
        String consumerId, String unknownConsumerId, String restaurantId, String menuItemId, long priceCents) {

    public static final String GOOD_TOKEN = "tok_visa";
    public static final String DECLINED_TOKEN = "tok_declined";

    public Fixture {
        Objects.requireNonNull(consumerId, "consumerId");
        Objects.requireNonNull(unknownConsumerId, "unknownConsumerId");
        Objects.requireNonNull(restaurantId, "restaurantId");
        Objects.requireNonNull(menuItemId, "menuItemId");
    }
}
