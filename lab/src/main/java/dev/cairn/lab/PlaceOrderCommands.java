package dev.cairn.lab;

import dev.cairn.restaurant.app.ordering.OrderingContext.PlaceOrderBody;
import dev.cairn.restaurant.ordering.domain.KnownRestaurant;
import dev.cairn.restaurant.ordering.domain.OrderCommand.PlaceOrder;
import java.util.Optional;

/**
 * The restaurant's place-order command for a client's {@code POST /api/orders} body, as every lab
 * service that runs the restaurant's order decider builds it: only where the menu comes from differs.
 */
public final class PlaceOrderCommands {

    private PlaceOrderCommands() {}

    /** @param restaurant the restaurant and menu as the service knows them; empty when it knows none by that id */
    public static PlaceOrder of(String orderId, PlaceOrderBody body, Optional<KnownRestaurant> restaurant) {
        return new PlaceOrder(
                orderId,
                body.consumerId(),
                body.restaurantId(),
                body.items(),
                body.deliveryAddress(),
                body.paymentToken(),
                restaurant);
    }
}
