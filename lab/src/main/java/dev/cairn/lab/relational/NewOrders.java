package dev.cairn.lab.relational;

import dev.cairn.restaurant.app.ordering.OrderingContext.PlaceOrderBody;
import dev.cairn.restaurant.ordering.domain.Order.Placed;
import dev.cairn.restaurant.ordering.domain.OrderDecider;
import java.sql.Connection;
import java.sql.SQLException;

/** A client's order as the restaurant's {@link OrderDecider} places it, priced against the menu the rows hold. */
public final class NewOrders {

    private static final OrderDecider DECIDER = new OrderDecider();

    private NewOrders() {}

    /** @param forShare as for {@link Menus#restaurant}: whether the menu rows are read {@code FOR SHARE} */
    public static Placed place(Connection tx, String orderId, PlaceOrderBody body, boolean forShare)
            throws SQLException {
        var command = body.command(orderId, Menus.restaurant(tx, body.restaurantId(), forShare));
        return (Placed) DECIDER.fold(DECIDER.decide(command, DECIDER.initialState()));
    }
}
