package dev.cairn.restaurant.accounting.domain;

import dev.cairn.restaurant.contracts.ReactionGroup;

/**
 * Accounting's refunds, to run as one processor. The authorisation itself is asked for by
 * {@link PaymentAuthorizationProcess}, a process manager with its own processor.
 */
public final class AccountingReactions {

    private AccountingReactions() {}

    public static ReactionGroup<PaymentCommand> all() {
        return ReactionGroup.of(
                new WhenTicketRejectedThenReversePayment(),
                new WhenTicketCancelledThenReversePayment(),
                new WhenDeliveryDeliveredThenCapturePayment());
    }
}
