package dev.cairn.lab.crud;

import dev.cairn.restaurant.accounting.domain.PaymentStatus;
import dev.cairn.restaurant.app.ordering.OrderingContext.PlaceOrderBody;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.kitchen.domain.Ticket;
import dev.cairn.restaurant.ordering.domain.Order.Placed;
import dev.cairn.restaurant.ordering.domain.OrderStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.LongSupplier;

/**
 * The whole order as one ACID transaction: insert the order, verify the consumer, create the
 * ticket, authorise the payment, then approve, or reject (an unknown consumer before any ticket
 * exists; a declined payment with the ticket's creation rejected). Either all of it commits or none.
 */
final class PlaceOrderTransaction {

    private final OrderingModule ordering;
    private final ConsumersModule consumers;
    private final KitchenModule kitchen;
    private final AccountingModule accounting;

    PlaceOrderTransaction(Steps steps, LongSupplier gatewayDelayMillis) {
        this.ordering = new OrderingModule(steps);
        this.consumers = new ConsumersModule(steps);
        this.kitchen = new KitchenModule(steps);
        this.accounting = new AccountingModule(steps, gatewayDelayMillis);
    }

    OrderStatus run(Connection tx, String orderId, PlaceOrderBody body) throws SQLException, InterruptedException {
        Placed order = ordering.create(tx, orderId, body);
        if (!consumers.verify(tx, orderId, body.consumerId())) {
            return ordering.reject(tx, order, OrderRejectionReason.CONSUMER_UNKNOWN)
                    .status();
        }
        Ticket.Existing ticket = kitchen.create(tx, order.details());
        PaymentStatus payment = accounting.authorize(tx, order.details());
        return switch (payment) {
            case AUTHORIZED -> approve(tx, order, ticket);
            case DECLINED -> decline(tx, order, ticket);
            case REVERSED, CAPTURED ->
                throw new IllegalStateException("a payment just authorised cannot be reversed or captured already");
        };
    }

    private OrderStatus approve(Connection tx, Placed order, Ticket.Existing ticket) throws SQLException {
        kitchen.confirm(tx, order.details().orderId(), ticket);
        return ordering.approve(tx, order).status();
    }

    private OrderStatus decline(Connection tx, Placed order, Ticket.Existing ticket) throws SQLException {
        kitchen.rejectCreation(tx, order.details().orderId(), ticket, OrderRejectionReason.PAYMENT_DECLINED);
        return ordering.reject(tx, order, OrderRejectionReason.PAYMENT_DECLINED).status();
    }
}
