package dev.cairn.restaurant.ordering.domain;

import dev.cairn.core.model.Rejection;
import dev.cairn.restaurant.contracts.MenuItem;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.OrderLine;
import dev.cairn.restaurant.ordering.domain.OrderCommand.PlaceOrder;
import java.util.List;

/**
 * Turns a request into a priced order: every item must be on the menu, and each line keeps the
 * name and price of the moment, so a later menu change does not alter an order already placed.
 */
final class OrderPricing {

    /** The reason of an order naming an item that is missing from the menu or unavailable. */
    static final String MENU_ITEM_UNAVAILABLE = "MENU_ITEM_UNAVAILABLE";

    private OrderPricing() {}

    /** @throws Rejection UNKNOWN_REFERENCE for an unknown restaurant, or a menu item missing or unavailable */
    static OrderCreated price(PlaceOrder command) {
        KnownRestaurant restaurant = command.restaurant()
                .orElseThrow(() -> Rejection.unknownReference(
                        "UNKNOWN_RESTAURANT", "restaurantId " + command.restaurantId() + " is not a known restaurant"));
        List<OrderLine> lines =
                command.items().stream().map(item -> line(item, restaurant)).toList();
        long total = lines.stream().mapToLong(OrderLine::subtotalCents).sum();
        return new OrderCreated(
                command.orderId(),
                command.consumerId(),
                restaurant.restaurantId(),
                restaurant.name(),
                lines,
                total,
                command.deliveryAddress(),
                command.paymentToken());
    }

    /** An item the menu no longer lists and one it lists as unavailable are refused alike: neither can be cooked now. */
    private static OrderLine line(RequestedItem item, KnownRestaurant restaurant) {
        MenuItem menuItem = restaurant
                .menu()
                .item(item.menuItemId())
                .filter(MenuItem::isAvailable)
                .orElseThrow(() -> Rejection.unknownReference(
                        MENU_ITEM_UNAVAILABLE,
                        "menuItemId " + item.menuItemId() + " is not available on the menu of " + restaurant.name()));
        return new OrderLine(menuItem.menuItemId(), menuItem.name(), item.quantity(), menuItem.priceCents());
    }
}
