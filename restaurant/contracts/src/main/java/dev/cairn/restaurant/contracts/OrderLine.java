package dev.cairn.restaurant.contracts;

/**
 * One line of a placed order, priced when the order was placed: later menu changes do not touch it.
 *
 * @param menuItemId the menu item ordered
 * @param name       its name at the time of ordering
 * @param quantity   {@link #MIN_QUANTITY}..{@link #MAX_QUANTITY}
 * @param priceCents the unit price at the time of ordering
 */
public record OrderLine(String menuItemId, String name, int quantity, long priceCents) {

    public static final int MIN_QUANTITY = 1;
    public static final int MAX_QUANTITY = 100;

    public OrderLine {
        Require.id("menuItemId", menuItemId);
        Require.text("name", name, MenuItem.MAX_NAME_LENGTH);
        Require.between("quantity", quantity, MIN_QUANTITY, MAX_QUANTITY);
        Require.between("priceCents", priceCents, 0, MenuItem.MAX_PRICE_CENTS);
    }

    /** Unit price times quantity; cannot overflow given the bounds above. */
    public long subtotalCents() {
        return priceCents * quantity;
    }
}
