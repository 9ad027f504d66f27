package dev.cairn.restaurant.orderhistory.domain;

/** Why an order was rejected or cancelled. The names are the HTTP contract's (restaurant.md, OrderView). */
public enum OrderReason {
    CONSUMER_UNKNOWN,
    CONSUMER_INACTIVE,
    PAYMENT_DECLINED,
    RESTAURANT_REJECTED,
    CANCELLED_BY_CONSUMER
}
