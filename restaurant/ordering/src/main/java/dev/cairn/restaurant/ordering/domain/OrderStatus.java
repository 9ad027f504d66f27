package dev.cairn.restaurant.ordering.domain;

/** An order's state; the names are the HTTP contract's. */
public enum OrderStatus {
    APPROVAL_PENDING,
    APPROVED,
    REJECTED,
    CANCEL_PENDING,
    CANCELLED,
    COMPLETED
}
