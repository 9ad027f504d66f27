package dev.cairn.restaurant.orderhistory.domain;

/** {@code GET /api/orders?consumerId=&state=&q=&limit=&cursor=}: a page of orders, newest first. */
@FunctionalInterface
public interface FindOrdersOfConsumer {

    OrderPage find(OrdersOfConsumer query);
}
