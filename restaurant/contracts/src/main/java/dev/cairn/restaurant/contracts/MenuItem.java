package dev.cairn.restaurant.contracts;

/**
 * One dish on a menu, with its current price in cents.
 *
 * @param menuItemId chosen by the restaurant, unique within its menu
 * @param name       what the consumer sees
 * @param priceCents 0 (free) up to {@link #MAX_PRICE_CENTS}
 */
public record MenuItem(String menuItemId, String name, long priceCents) {

    /** Highest price of one item: keeps every order total far from overflowing a long. */
    public static final long MAX_PRICE_CENTS = 10_000_000;
    public static final int MAX_NAME_LENGTH = 200;

    public MenuItem {
        Require.id("menuItemId", menuItemId);
        Require.text("name", name, MAX_NAME_LENGTH);
        Require.between("priceCents", priceCents, 0, MAX_PRICE_CENTS);
    }
}
