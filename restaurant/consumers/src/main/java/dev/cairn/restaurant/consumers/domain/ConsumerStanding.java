package dev.cairn.restaurant.consumers.domain;

/** Whether a consumer may be vouched for: what {@link VerificationCommand.VerifyConsumer} needs to know. */
public enum ConsumerStanding {
    ACTIVE,
    INACTIVE,
    UNKNOWN
}
