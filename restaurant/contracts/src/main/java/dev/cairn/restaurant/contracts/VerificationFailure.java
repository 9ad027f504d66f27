package dev.cairn.restaurant.contracts;

/** Why the consumers context refused to vouch for a consumer. Either way the order is rejected. */
public enum VerificationFailure {
    /** No consumer with that id was ever registered. */
    CONSUMER_UNKNOWN,
    /** The consumer is registered but deactivated. */
    CONSUMER_INACTIVE
}
