package dev.cairn.lab.crud;

import dev.cairn.lab.relational.Sql;
import dev.cairn.restaurant.accounting.domain.Payment;
import dev.cairn.restaurant.accounting.domain.Payment.Existing;
import dev.cairn.restaurant.accounting.domain.PaymentCommand.AuthorizePayment;
import dev.cairn.restaurant.accounting.domain.PaymentDecider;
import dev.cairn.restaurant.accounting.domain.PaymentStatus;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The monolith's accounting module: the restaurant's {@link PaymentDecider} stands for the payment
 * provider. The authorisation is a call made inside the order's transaction, as a monolith calling
 * a payment gateway makes it, so when the gateway is slow the transaction (and its row locks and
 * pooled connection) is held that much longer.
 */
final class AccountingModule {

    private static final PaymentDecider DECIDER = new PaymentDecider();

    private final Steps steps;
    private final LongSupplier gatewayDelayMillis;

    AccountingModule(Steps steps, LongSupplier gatewayDelayMillis) {
        this.steps = steps;
        this.gatewayDelayMillis = gatewayDelayMillis;
    }

    PaymentStatus authorize(Connection tx, OrderCreated order) throws SQLException, InterruptedException {
        steps.next(order.orderId(), "payment gateway", "authorise " + order.totalCents() + " cents");
        Thread.sleep(gatewayDelayMillis.getAsLong());
        var command =
                new AuthorizePayment(order.orderId(), order.consumerId(), order.totalCents(), order.paymentToken());
        Payment payment = DECIDER.fold(DECIDER.decide(command, DECIDER.initialState()));
        PaymentStatus status = ((Existing) payment).status();
        steps.note(order.orderId(), "payment gateway", "monolith", status.name());
        steps.next(order.orderId(), "database", "INSERT payment " + status);
        Instant now = steps.now();
        Sql.update(
                tx,
                "INSERT INTO payments VALUES (?, ?, ?, ?, ?, ?)",
                order.orderId(),
                order.consumerId(),
                order.totalCents(),
                status.name(),
                now,
                now);
        return status;
    }
}
