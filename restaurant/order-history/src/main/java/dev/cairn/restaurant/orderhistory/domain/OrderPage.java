package dev.cairn.restaurant.orderhistory.domain;

import dev.cairn.restaurant.contracts.Require;
import java.util.List;

/**
 * One page of orders, exactly the contract's {@code {"orders":[…],"nextCursor"}}.
 *
 * @param nextCursor where the next page starts, or {@code null} when there are no more matches
 */
public record OrderPage(List<OrderView> orders, String nextCursor) {

    public OrderPage {
        orders = List.copyOf(Require.present("orders", orders));
    }
}
