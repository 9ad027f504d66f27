package dev.cairn.restaurant.ordering.domain;

import dev.cairn.restaurant.contracts.OrderLine;
import dev.cairn.restaurant.contracts.Require;

/** One line as the consumer asks for it, before it is priced against the menu. */
public record RequestedItem(String menuItemId, int quantity) {

    public RequestedItem {
        Require.id("menuItemId", menuItemId);
        Require.between("quantity", quantity, OrderLine.MIN_QUANTITY, OrderLine.MAX_QUANTITY);
    }
}
