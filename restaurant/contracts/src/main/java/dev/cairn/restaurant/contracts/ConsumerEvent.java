package dev.cairn.restaurant.contracts;

/**
 * Facts of the consumers context. Registration events live in {@code consumer-<consumerId>};
 * verification outcomes in {@code verification-<orderId>} (see {@link Streams}).
 */
public sealed interface ConsumerEvent extends PublishedEvent {

    String consumerId();

    /** A consumer exists, active. */
    record ConsumerRegistered(String consumerId, String name) implements ConsumerEvent {
        public static final int MAX_NAME_LENGTH = 200;

        public ConsumerRegistered {
            Require.id("consumerId", consumerId);
            Require.text("name", name, MAX_NAME_LENGTH);
        }
    }

    /** The consumer may no longer place orders that get approved. */
    record ConsumerDeactivated(String consumerId) implements ConsumerEvent {
        public ConsumerDeactivated {
            Require.id("consumerId", consumerId);
        }
    }

    /** A deactivated consumer is active again. */
    record ConsumerReactivated(String consumerId) implements ConsumerEvent {
        public ConsumerReactivated {
            Require.id("consumerId", consumerId);
        }
    }

    /** The consumer of an order exists and is active: accounting may charge them. */
    record ConsumerVerified(String consumerId, String orderId) implements ConsumerEvent {
        public ConsumerVerified {
            Require.id("consumerId", consumerId);
            Require.id("orderId", orderId);
        }
    }

    /** The consumer of an order is unknown or inactive: the order is rejected, nothing is charged. */
    record ConsumerVerificationFailed(String consumerId, String orderId, VerificationFailure failure)
            implements ConsumerEvent {
        public ConsumerVerificationFailed {
            Require.id("consumerId", consumerId);
            Require.id("orderId", orderId);
            Require.present("failure", failure);
        }
    }
}
