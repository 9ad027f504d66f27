package dev.cairn.restaurant.accounting.domain;

import dev.cairn.restaurant.contracts.Require;

/** An order's payment as its own stream tells it. */
public sealed interface Payment {

    record NoPayment() implements Payment {}

    record Existing(long amountCents, PaymentStatus status) implements Payment {
        public Existing {
            Require.present("status", status);
        }

        Existing in(PaymentStatus newStatus) {
            return new Existing(amountCents, newStatus);
        }
    }
}
