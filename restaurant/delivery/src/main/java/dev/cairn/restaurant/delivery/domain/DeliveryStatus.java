package dev.cairn.restaurant.delivery.domain;

/** A delivery's state; the names are the HTTP contract's. */
public enum DeliveryStatus {
    PENDING,
    SCHEDULED,
    PICKED_UP,
    DELIVERED,
    CANCELLED
}
