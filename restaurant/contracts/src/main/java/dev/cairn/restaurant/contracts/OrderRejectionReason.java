package dev.cairn.restaurant.contracts;

/** Why an order was refused before it was approved. Names are part of the HTTP contract. */
public enum OrderRejectionReason {
    /** The consumer does not exist (or was erased). */
    CONSUMER_UNKNOWN,
    /** The consumer exists but was deactivated. */
    CONSUMER_INACTIVE,
    /** The payment was declined. */
    PAYMENT_DECLINED;

    /** The reason an order is rejected for when its consumer could not be verified. */
    public static OrderRejectionReason of(VerificationFailure failure) {
        return switch (failure) {
            case CONSUMER_UNKNOWN -> CONSUMER_UNKNOWN;
            case CONSUMER_INACTIVE -> CONSUMER_INACTIVE;
        };
    }
}
