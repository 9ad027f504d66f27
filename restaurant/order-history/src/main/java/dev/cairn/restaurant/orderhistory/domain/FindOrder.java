package dev.cairn.restaurant.orderhistory.domain;

import java.util.Optional;

/** {@code GET /api/orders/{id}}: one order, or empty (HTTP 404). */
@FunctionalInterface
public interface FindOrder {

    Optional<OrderView> find(String orderId);
}
