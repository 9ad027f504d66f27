package dev.cairn.restaurant.orderhistory.domain;

/** Where the kitchen is with an order. The names are the HTTP contract's (restaurant.md, OrderView). */
public enum TicketState {
    CREATE_PENDING,
    AWAITING_ACCEPTANCE,
    ACCEPTED,
    PREPARING,
    READY_FOR_PICKUP,
    PICKED_UP,
    REJECTED,
    CANCELLED
}
