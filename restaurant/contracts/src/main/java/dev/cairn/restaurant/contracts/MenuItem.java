package dev.cairn.restaurant.contracts;

/**
 * One dish on a menu, with its current price in cents.
 *
 * @param menuItemId chosen by the restaurant, unique within its menu
 * @param name       what the consumer sees
 * @param priceCents 0 (free) up to {@link #MAX_PRICE_CENTS}
 * @param available  whether it can be ordered now; an item the kitchen has run out of stays on the
 *                   menu, unavailable. Absent (null) means available: events and requests written
 *                   before the field existed carry none.
 */
public record MenuItem(String menuItemId, String name, long priceCents, Boolean available) {

    /** Highest price of one item: keeps every order total far from overflowing a long. */
    public static final long MAX_PRICE_CENTS = 10_000_000;

    public static final int MAX_NAME_LENGTH = 200;

    public MenuItem {
        Require.id("menuItemId", menuItemId);
        Require.text("name", name, MAX_NAME_LENGTH);
        Require.between("priceCents", priceCents, 0, MAX_PRICE_CENTS);
        available = available == null || available;
    }

    /** An available item. */
    public MenuItem(String menuItemId, String name, long priceCents) {
        this(menuItemId, name, priceCents, true);
    }

    /** Whether it can be ordered now. */
    public boolean isAvailable() {
        return available;
    }
}
