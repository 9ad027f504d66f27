package dev.cairn.restaurant.consumers.domain;

/** Where the verification of one order's consumer stands. */
public enum Verification {
    /** Not decided yet. */
    PENDING,
    VERIFIED,
    FAILED
}
