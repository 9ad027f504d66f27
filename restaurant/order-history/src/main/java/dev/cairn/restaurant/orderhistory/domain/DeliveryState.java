package dev.cairn.restaurant.orderhistory.domain;

/** Where an order's delivery is. The names are the HTTP contract's (restaurant.md, OrderView). */
public enum DeliveryState {
    PENDING,
    SCHEDULED,
    PICKED_UP,
    DELIVERED,
    CANCELLED
}
