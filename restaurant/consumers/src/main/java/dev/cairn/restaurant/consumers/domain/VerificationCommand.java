package dev.cairn.restaurant.consumers.domain;

import dev.cairn.restaurant.contracts.Require;
import dev.cairn.restaurant.contracts.Streams;

/** Vouching for the consumer of one order; goes to {@code verification-<orderId>}. */
public sealed interface VerificationCommand {

    String orderId();

    default String streamId() {
        return Streams.verification(orderId());
    }

    /**
     * Verify the consumer of an order, sent when the order is created.
     *
     * @param standing the consumer's standing now, read from the consumers context's own state;
     *                 the command carries it because a decider sees one stream only
     */
    record VerifyConsumer(String orderId, String consumerId, ConsumerStanding standing) implements VerificationCommand {
        public VerifyConsumer {
            Require.id("orderId", orderId);
            Require.id("consumerId", consumerId);
            Require.present("standing", standing);
        }
    }
}
