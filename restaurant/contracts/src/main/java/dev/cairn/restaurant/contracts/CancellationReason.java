package dev.cairn.restaurant.contracts;

/**
 * Why an approved order was cancelled, and so why its payment was reversed. Names are part of the
 * HTTP contract.
 */
public enum CancellationReason {
    /** The kitchen rejected the ticket. */
    RESTAURANT_REJECTED,
    /** The consumer cancelled before the kitchen started preparing. */
    CANCELLED_BY_CONSUMER
}
