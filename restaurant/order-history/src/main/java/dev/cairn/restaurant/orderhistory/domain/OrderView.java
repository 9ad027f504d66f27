package dev.cairn.restaurant.orderhistory.domain;

import dev.cairn.restaurant.contracts.Require;
import java.time.Instant;
import java.util.List;

/**
 * One order as every context has reported on it: exactly the OrderView of the HTTP contract, so a
 * host serialises it as it is. The optional parts are {@code null} until the context that owns
 * them has said something, because the contract shows them as JSON {@code null}.
 *
 * @param reason        null unless rejected or cancelled
 * @param ticketState   null until the kitchen created the ticket
 * @param paymentState  null until accounting decided
 * @param deliveryState null until delivery was requested
 * @param courierId     null until a courier was assigned
 * @param createdAt     when OrderCreated was recorded
 * @param updatedAt     when the last event that changed this view was recorded
 */
public record OrderView(
        String orderId,
        String consumerId,
        String restaurantId,
        String restaurantName,
        List<Item> items,
        long totalCents,
        OrderState state,
        OrderReason reason,
        TicketState ticketState,
        PaymentState paymentState,
        DeliveryState deliveryState,
        String courierId,
        Instant createdAt,
        Instant updatedAt) {

    /** One line of the order, priced when it was placed. */
    public record Item(String menuItemId, String name, int quantity, long priceCents) {
        public Item {
            Require.present("menuItemId", menuItemId);
            Require.present("name", name);
        }
    }

    public OrderView {
        Require.present("orderId", orderId);
        Require.present("consumerId", consumerId);
        Require.present("restaurantId", restaurantId);
        Require.present("restaurantName", restaurantName);
        items = List.copyOf(Require.present("items", items));
        Require.present("state", state);
        Require.present("createdAt", createdAt);
        Require.present("updatedAt", updatedAt);
    }

    OrderView withState(OrderState newState, OrderReason newReason, Instant at) {
        return progressed(newState, newReason, ticketState, paymentState, deliveryState, courierId, at);
    }

    OrderView withTicket(TicketState newTicketState, Instant at) {
        return progressed(state, reason, newTicketState, paymentState, deliveryState, courierId, at);
    }

    OrderView withPayment(PaymentState newPaymentState, Instant at) {
        return progressed(state, reason, ticketState, newPaymentState, deliveryState, courierId, at);
    }

    OrderView withDelivery(DeliveryState newDeliveryState, String newCourierId, Instant at) {
        return progressed(state, reason, ticketState, paymentState, newDeliveryState, newCourierId, at);
    }

    /** The same order with its progress as the contexts last reported it: what it was placed with never changes. */
    private OrderView progressed(
            OrderState newState,
            OrderReason newReason,
            TicketState newTicketState,
            PaymentState newPaymentState,
            DeliveryState newDeliveryState,
            String newCourierId,
            Instant at) {
        return new OrderView(
                orderId,
                consumerId,
                restaurantId,
                restaurantName,
                items,
                totalCents,
                newState,
                newReason,
                newTicketState,
                newPaymentState,
                newDeliveryState,
                newCourierId,
                createdAt,
                at);
    }
}
