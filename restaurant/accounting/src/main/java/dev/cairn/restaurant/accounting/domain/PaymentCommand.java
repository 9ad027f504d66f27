package dev.cairn.restaurant.accounting.domain;

import dev.cairn.restaurant.contracts.CancellationReason;
import dev.cairn.restaurant.contracts.Require;
import dev.cairn.restaurant.contracts.Streams;

/** What may be asked of an order's payment; all go to {@code payment-<orderId>}. */
public sealed interface PaymentCommand {

    String orderId();

    default String streamId() {
        return Streams.payment(orderId());
    }

    /** Sent by {@link PaymentAuthorizationProcess} once order, consumer and ticket are all known. */
    record AuthorizePayment(String orderId, String consumerId, long amountCents, String paymentToken)
            implements PaymentCommand {
        public static final int MAX_TOKEN_LENGTH = 200;

        public AuthorizePayment {
            Require.id("orderId", orderId);
            Require.id("consumerId", consumerId);
            Require.between("amountCents", amountCents, 0, Long.MAX_VALUE);
            Require.text("paymentToken", paymentToken, MAX_TOKEN_LENGTH);
        }
    }

    /** Sent when the ticket is rejected or cancelled: the authorisation is released. */
    record ReversePayment(String orderId, CancellationReason reason) implements PaymentCommand {
        public ReversePayment {
            Require.id("orderId", orderId);
            Require.present("reason", reason);
        }
    }

    /** Sent when the order is delivered: the authorised amount is taken. */
    record CapturePayment(String orderId) implements PaymentCommand {
        public CapturePayment {
            Require.id("orderId", orderId);
        }
    }
}
