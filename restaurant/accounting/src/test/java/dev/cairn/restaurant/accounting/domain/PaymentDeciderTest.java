package dev.cairn.restaurant.accounting.domain;

import static dev.cairn.core.model.Rejection.Kind.INVALID;
import static dev.cairn.core.model.Rejection.Kind.NOT_ALLOWED;
import static dev.cairn.core.model.Rejection.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.model.Rejection;
import dev.cairn.restaurant.accounting.domain.PaymentCommand.AuthorizePayment;
import dev.cairn.restaurant.accounting.domain.PaymentCommand.ReversePayment;
import dev.cairn.restaurant.contracts.CancellationReason;
import dev.cairn.restaurant.contracts.PaymentEvent;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentAuthorized;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentDeclined;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentReversed;
import dev.cairn.testing.DeciderFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PaymentDeciderTest {

    static final PaymentAuthorized AUTHORIZED = new PaymentAuthorized("o1", "c1", 1100);
    static final PaymentDeclined DECLINED = new PaymentDeclined("o1", "c1", 1100);

    private static DeciderFixture<PaymentCommand, Payment, PaymentEvent> decider() {
        return DeciderFixture.of(new PaymentDecider());
    }

    @Nested
    class AuthorizePaymentCommand {

        @Test
        void authorizes_any_token_but_the_declined_one() {
            decider()
                    .when(new AuthorizePayment("o1", "c1", 1100, "tok_visa"))
                    .thenEvents(AUTHORIZED)
                    .thenState(new Payment.Existing(1100, PaymentStatus.AUTHORIZED));
        }

        @Test
        void declines_the_declined_token() {
            decider()
                    .when(new AuthorizePayment("o1", "c1", 1100, PaymentDecider.DECLINED_TOKEN))
                    .thenEvents(DECLINED)
                    .thenState(new Payment.Existing(1100, PaymentStatus.DECLINED));
        }

        @Test
        void decides_only_once() {
            decider()
                    .given(AUTHORIZED)
                    .when(new AuthorizePayment("o1", "c1", 1100, "tok_declined"))
                    .thenNothing();
            decider()
                    .given(DECLINED)
                    .when(new AuthorizePayment("o1", "c1", 1100, "tok_visa"))
                    .thenNothing();
        }

        @Test
        void rejects_a_blank_token_and_a_negative_amount() {
            assertThatThrownBy(() -> new AuthorizePayment("o1", "c1", 1100, ""))
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.kind()).isEqualTo(INVALID))
                    .hasMessageStartingWith("paymentToken");
            assertThatThrownBy(() -> new AuthorizePayment("o1", "c1", -1, "tok_visa"))
                    .hasMessageStartingWith("amountCents");
        }

        @Test
        void goes_to_the_payment_stream() {
            assertThat(new AuthorizePayment("o1", "c1", 1100, "tok_visa").streamId())
                    .isEqualTo("payment-o1");
        }
    }

    @Nested
    class CapturePaymentCommand {

        @Test
        void captures_an_authorized_payment() {
            decider()
                    .given(AUTHORIZED)
                    .when(new PaymentCommand.CapturePayment("o1"))
                    .thenEvents(new PaymentEvent.PaymentCaptured("o1", 1100))
                    .thenState(new Payment.Existing(1100, PaymentStatus.CAPTURED));
        }

        @Test
        void answers_a_captured_payment_with_no_events() {
            decider()
                    .given(AUTHORIZED, new PaymentEvent.PaymentCaptured("o1", 1100))
                    .when(new PaymentCommand.CapturePayment("o1"))
                    .thenNothing();
        }

        @Test
        void refuses_a_reversed_payment_and_a_captured_one_cannot_be_reversed() {
            decider()
                    .given(AUTHORIZED, new PaymentReversed("o1", 1100, CancellationReason.CANCELLED_BY_CONSUMER))
                    .when(new PaymentCommand.CapturePayment("o1"))
                    .thenRejected(NOT_ALLOWED, "INVALID_TRANSITION")
                    .thenMessageContains("REVERSED");
            decider()
                    .given(AUTHORIZED, new PaymentEvent.PaymentCaptured("o1", 1100))
                    .when(new ReversePayment("o1", CancellationReason.CANCELLED_BY_CONSUMER))
                    .thenRejected(NOT_ALLOWED, "INVALID_TRANSITION")
                    .thenMessageContains("CAPTURED");
        }
    }

    @Nested
    class ReversePaymentCommand {

        @Test
        void reverses_an_authorized_payment_for_the_reason() {
            decider()
                    .given(AUTHORIZED)
                    .when(new ReversePayment("o1", CancellationReason.RESTAURANT_REJECTED))
                    .thenEvents(new PaymentReversed("o1", 1100, CancellationReason.RESTAURANT_REJECTED))
                    .thenState(new Payment.Existing(1100, PaymentStatus.REVERSED));
        }

        @Test
        void answers_a_reversed_payment_with_no_events() {
            decider()
                    .given(AUTHORIZED, new PaymentReversed("o1", 1100, CancellationReason.CANCELLED_BY_CONSUMER))
                    .when(new ReversePayment("o1", CancellationReason.CANCELLED_BY_CONSUMER))
                    .thenNothing();
        }

        @Test
        void refuses_a_declined_payment() {
            decider()
                    .given(DECLINED)
                    .when(new ReversePayment("o1", CancellationReason.RESTAURANT_REJECTED))
                    .thenRejected(NOT_ALLOWED, "INVALID_TRANSITION")
                    .thenMessageContains("DECLINED");
        }

        @Test
        void refuses_an_unknown_payment() {
            decider()
                    .when(new ReversePayment("o9", CancellationReason.RESTAURANT_REJECTED))
                    .thenRejected(NOT_FOUND, "PAYMENT_NOT_FOUND")
                    .thenMessageContains("o9");
        }
    }
}
