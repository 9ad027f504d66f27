package dev.cairn.restaurant.contracts;

/** Facts of the accounting context, in {@code payment-<orderId>}. */
public sealed interface PaymentEvent extends PublishedEvent {

    String orderId();

    /** The order's total was authorised on the consumer's payment token (state {@code AUTHORIZED}). */
    record PaymentAuthorized(String orderId, String consumerId, long amountCents) implements PaymentEvent {
        public PaymentAuthorized {
            Require.id("orderId", orderId);
            Require.id("consumerId", consumerId);
        }
    }

    /** The payment token was declined (state {@code DECLINED}); the order is rejected. */
    record PaymentDeclined(String orderId, String consumerId, long amountCents) implements PaymentEvent {
        public PaymentDeclined {
            Require.id("orderId", orderId);
            Require.id("consumerId", consumerId);
        }
    }

    /** The authorisation was released (state {@code REVERSED}); the order is cancelled for {@code reason}. */
    record PaymentReversed(String orderId, long amountCents, CancellationReason reason) implements PaymentEvent {
        public PaymentReversed {
            Require.id("orderId", orderId);
            Require.present("reason", reason);
        }
    }

    /** The delivered order's authorised amount was taken (state {@code CAPTURED}). */
    record PaymentCaptured(String orderId, long amountCents) implements PaymentEvent {
        public PaymentCaptured {
            Require.id("orderId", orderId);
        }
    }
}
