package dev.cairn.restaurant.accounting.domain;

import dev.cairn.core.model.Decider;
import dev.cairn.core.model.Rejection;
import dev.cairn.restaurant.accounting.domain.Payment.Existing;
import dev.cairn.restaurant.accounting.domain.Payment.NoPayment;
import dev.cairn.restaurant.accounting.domain.PaymentCommand.AuthorizePayment;
import dev.cairn.restaurant.accounting.domain.PaymentCommand.CapturePayment;
import dev.cairn.restaurant.accounting.domain.PaymentCommand.ReversePayment;
import dev.cairn.restaurant.contracts.PaymentEvent;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentAuthorized;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentCaptured;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentDeclined;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentReversed;
import java.util.List;

/**
 * An order's payment, in {@code payment-<orderId>}: authorised or declined once, and an
 * authorisation reversed or captured at most once. The payment provider is simulated by the token: a decider
 * may not call out, and the contract fixes the outcome by token.
 */
public final class PaymentDecider implements Decider<PaymentCommand, Payment, PaymentEvent> {

    /** The one token the simulated provider declines; any other non-blank token is authorised. */
    public static final String DECLINED_TOKEN = "tok_declined";

    @Override
    public Payment initialState() {
        return new NoPayment();
    }

    @Override
    public List<PaymentEvent> decide(PaymentCommand command, Payment state) {
        return switch (command) {
            case AuthorizePayment authorize -> state instanceof NoPayment ? List.of(authorize(authorize)) : List.of();
            case ReversePayment reverse -> reverse(reverse, state);
            case CapturePayment capture -> capture(capture, state);
        };
    }

    @Override
    public Payment evolve(Payment state, PaymentEvent event) {
        return switch (event) {
            case PaymentAuthorized authorized -> new Existing(authorized.amountCents(), PaymentStatus.AUTHORIZED);
            case PaymentDeclined declined -> new Existing(declined.amountCents(), PaymentStatus.DECLINED);
            case PaymentReversed reversed -> existing(state, reversed.orderId()).in(PaymentStatus.REVERSED);
            case PaymentCaptured captured -> existing(state, captured.orderId()).in(PaymentStatus.CAPTURED);
        };
    }

    private static PaymentEvent authorize(AuthorizePayment command) {
        return DECLINED_TOKEN.equals(command.paymentToken())
                ? new PaymentDeclined(command.orderId(), command.consumerId(), command.amountCents())
                : new PaymentAuthorized(command.orderId(), command.consumerId(), command.amountCents());
    }

    private static List<PaymentEvent> reverse(ReversePayment command, Payment state) {
        Existing payment = existing(state, command.orderId());
        return switch (payment.status()) {
            case AUTHORIZED -> List.of(new PaymentReversed(command.orderId(), payment.amountCents(), command.reason()));
            case REVERSED -> List.of();
            case DECLINED, CAPTURED ->
                throw Rejection.notAllowed(
                        "INVALID_TRANSITION",
                        "payment " + command.orderId() + " was " + payment.status() + "; there is nothing to reverse");
        };
    }

    /** Only an authorisation can be captured, once; a delivered order was never reversed (its ticket was picked up). */
    private static List<PaymentEvent> capture(CapturePayment command, Payment state) {
        Existing payment = existing(state, command.orderId());
        return switch (payment.status()) {
            case AUTHORIZED -> List.of(new PaymentCaptured(command.orderId(), payment.amountCents()));
            case CAPTURED -> List.of();
            case DECLINED, REVERSED ->
                throw Rejection.notAllowed(
                        "INVALID_TRANSITION",
                        "payment " + command.orderId() + " was " + payment.status() + "; there is nothing to capture");
        };
    }

    private static Existing existing(Payment state, String orderId) {
        return switch (state) {
            case Existing existing -> existing;
            case NoPayment none ->
                throw Rejection.notFound("PAYMENT_NOT_FOUND", "payment " + orderId + " does not exist");
        };
    }
}
