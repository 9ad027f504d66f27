package dev.cairn.restaurant.kitchen.domain;

/** A ticket's state; the names are the HTTP contract's. */
public enum TicketStatus {
    CREATE_PENDING,
    AWAITING_ACCEPTANCE,
    ACCEPTED,
    PREPARING,
    READY_FOR_PICKUP,
    PICKED_UP,
    REJECTED,
    CANCELLED
}
