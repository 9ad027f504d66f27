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

    private OrderPricing() {}

    /** @throws Rejection UNKNOWN_REFERENCE for an unknown restaurant or menu item */
    static OrderCreated price(PlaceOrder command) {
        KnownRestaurant restaurant = command.restaurant().orElseThrow(() -> Rejection.unknownReference(
                "UNKNOWN_RESTAURANT", "restaurantId " + command.restaurantId() + " is not a known restaurant"));
        List<OrderLine> lines = command.items().stream().map(item -> line(item, restaurant)).toList();
        long total = lines.stream().mapToLong(OrderLine::subtotalCents).sum();
        return new OrderCreated(command.orderId(), command.consumerId(), restaurant.restaurantId(), restaurant.name(),
                lines, total, command.deliveryAddress(), command.paymentToken());
    }

    private static OrderLine line(RequestedItem item, KnownRestaurant restaurant) {
        MenuItem menuItem = restaurant.menu().item(item.menuItemId()).orElseThrow(() -> Rejection.unknownReference(
                "UNKNOWN_MENU_ITEM", "menuItemId " + item.menuItemId() + " is not on the menu of restaurant "
                        + restaurant.restaurantId()));
        return new OrderLine(menuItem.menuItemId(), menuItem.name(), item.quantity(), menuItem.priceCents());
    }
}
