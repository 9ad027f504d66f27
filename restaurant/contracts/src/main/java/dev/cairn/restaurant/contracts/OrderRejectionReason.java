package dev.cairn.restaurant.contracts;

/** Why an order was refused before it was approved. Names are part of the HTTP contract. */
public enum OrderRejectionReason {
    /** The consumer does not exist or is not active. */
    CONSUMER_UNKNOWN,
    /** The payment was declined. */
    PAYMENT_DECLINED
}
