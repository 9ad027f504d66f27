package dev.cairn.restaurant.accounting.domain;

/** A payment's state; the names are the HTTP contract's. */
public enum PaymentStatus {
    AUTHORIZED,
    DECLINED,
    REVERSED,
    CAPTURED
}
