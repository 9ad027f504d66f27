package dev.cairn.restaurant.orderhistory.domain;

/** An order's state. The names are the HTTP contract's (restaurant.md, OrderView). */
public enum OrderState {
    APPROVAL_PENDING,
    APPROVED,
    REJECTED,
    CANCEL_PENDING,
    CANCELLED,
    COMPLETED
}
