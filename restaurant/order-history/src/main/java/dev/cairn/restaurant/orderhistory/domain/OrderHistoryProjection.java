package dev.cairn.restaurant.orderhistory.domain;

import dev.cairn.restaurant.contracts.CancellationReason;
import dev.cairn.restaurant.contracts.ConsumerEvent;
import dev.cairn.restaurant.contracts.CourierEvent;
import dev.cairn.restaurant.contracts.DeliveryEvent;
import dev.cairn.restaurant.contracts.OrderEvent;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.contracts.PaymentEvent;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.RestaurantEvent;
import dev.cairn.restaurant.contracts.TicketEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * How an {@link OrderView} evolves, as a pure function: a row (or none) and one event with its log
 * position and recorded-at give the next row. Each view field is owned by one context's stream
 * (state by the order, ticketState by the ticket, …), and the log keeps each stream in order, so
 * the fields never step back however the contexts interleave.
 *
 * <p>Idempotent under redelivery: an event at or below the row's last position changes nothing.
 * An event that does not change what the view shows (TicketCancellationRefused) moves the position
 * only, so {@code updatedAt} means "last visible change".
 */
public final class OrderHistoryProjection {

    /**
     * The order whose view an event may change, or empty: only the order, ticket, payment and
     * delivery vocabularies shape a view (a consumer's verification shows through the order's state).
     */
    public static Optional<String> orderIdOf(PublishedEvent event) {
        return switch (event) {
            case OrderEvent order -> Optional.of(order.orderId());
            case TicketEvent ticket -> Optional.of(ticket.orderId());
            case PaymentEvent payment -> Optional.of(payment.orderId());
            case DeliveryEvent delivery -> Optional.of(delivery.orderId());
            case ConsumerEvent consumer -> Optional.empty();
            case RestaurantEvent restaurant -> Optional.empty();
            case CourierEvent courier -> Optional.empty();
        };
    }

    /**
     * The row after {@code event}. Without a row, only OrderCreated starts one: in the log nothing
     * about an order comes before its creation.
     */
    public Optional<OrderViewRow> apply(
            Optional<OrderViewRow> row, PublishedEvent event, long position, Instant recordedAt) {
        if (row.isEmpty()) {
            return event instanceof OrderCreated created
                    ? Optional.of(new OrderViewRow(created(created, recordedAt), position, position))
                    : Optional.empty();
        }
        OrderViewRow current = row.get();
        if (position <= current.lastPosition()) {
            return row;
        }
        return Optional.of(
                new OrderViewRow(change(current.view(), event, recordedAt), current.createdPosition(), position));
    }

    private static OrderView created(OrderCreated created, Instant at) {
        return new OrderView(
                created.orderId(),
                created.consumerId(),
                created.restaurantId(),
                created.restaurantName(),
                created.lines().stream()
                        .map(line ->
                                new OrderView.Item(line.menuItemId(), line.name(), line.quantity(), line.priceCents()))
                        .toList(),
                created.totalCents(),
                OrderState.APPROVAL_PENDING,
                null,
                null,
                null,
                null,
                null,
                at,
                at);
    }

    private static OrderView change(OrderView view, PublishedEvent event, Instant at) {
        return switch (event) {
            case OrderEvent order -> orderChanged(view, order, at);
            case TicketEvent ticket -> ticketChanged(view, ticket, at);
            case PaymentEvent payment -> paymentChanged(view, payment, at);
            case DeliveryEvent delivery -> deliveryChanged(view, delivery, at);
            case ConsumerEvent consumer -> view;
            case RestaurantEvent restaurant -> view;
            case CourierEvent courier -> view;
        };
    }

    private static OrderView orderChanged(OrderView view, OrderEvent event, Instant at) {
        return switch (event) {
            case OrderCreated created -> view;
            case OrderEvent.OrderApproved approved -> view.withState(OrderState.APPROVED, null, at);
            case OrderEvent.OrderRejected rejected ->
                view.withState(OrderState.REJECTED, reason(rejected.reason()), at);
            case OrderEvent.OrderCancellationRequested requested -> view.withState(OrderState.CANCEL_PENDING, null, at);
            case OrderEvent.OrderCancellationRefused refused -> view.withState(OrderState.APPROVED, null, at);
            case OrderEvent.OrderCancelled cancelled ->
                view.withState(OrderState.CANCELLED, reason(cancelled.reason()), at);
            case OrderEvent.OrderCompleted completed -> view.withState(OrderState.COMPLETED, null, at);
        };
    }

    private static OrderView ticketChanged(OrderView view, TicketEvent event, Instant at) {
        return switch (event) {
            case TicketEvent.TicketCreated created -> view.withTicket(TicketState.CREATE_PENDING, at);
            case TicketEvent.TicketCreationRejected rejected -> view.withTicket(TicketState.REJECTED, at);
            case TicketEvent.TicketConfirmed confirmed -> view.withTicket(TicketState.AWAITING_ACCEPTANCE, at);
            case TicketEvent.TicketAccepted accepted -> view.withTicket(TicketState.ACCEPTED, at);
            case TicketEvent.TicketRejected rejected -> view.withTicket(TicketState.REJECTED, at);
            case TicketEvent.TicketPreparationStarted started -> view.withTicket(TicketState.PREPARING, at);
            case TicketEvent.TicketReadyForPickup ready -> view.withTicket(TicketState.READY_FOR_PICKUP, at);
            case TicketEvent.TicketPickedUp pickedUp -> view.withTicket(TicketState.PICKED_UP, at);
            case TicketEvent.TicketCancelled cancelled -> view.withTicket(TicketState.CANCELLED, at);
            case TicketEvent.TicketCancellationRefused refused -> view;
        };
    }

    private static OrderView paymentChanged(OrderView view, PaymentEvent event, Instant at) {
        return switch (event) {
            case PaymentEvent.PaymentAuthorized authorized -> view.withPayment(PaymentState.AUTHORIZED, at);
            case PaymentEvent.PaymentDeclined declined -> view.withPayment(PaymentState.DECLINED, at);
            case PaymentEvent.PaymentReversed reversed -> view.withPayment(PaymentState.REVERSED, at);
            case PaymentEvent.PaymentCaptured captured -> view.withPayment(PaymentState.CAPTURED, at);
        };
    }

    /** The courier stays on a cancelled or finished delivery: the view is history. */
    private static OrderView deliveryChanged(OrderView view, DeliveryEvent event, Instant at) {
        return switch (event) {
            case DeliveryEvent.DeliveryRequested requested ->
                view.withDelivery(DeliveryState.PENDING, view.courierId(), at);
            case DeliveryEvent.DeliveryScheduled scheduled ->
                view.withDelivery(DeliveryState.SCHEDULED, scheduled.courierId(), at);
            case DeliveryEvent.DeliveryPickedUp pickedUp ->
                view.withDelivery(DeliveryState.PICKED_UP, view.courierId(), at);
            case DeliveryEvent.DeliveryDelivered delivered ->
                view.withDelivery(DeliveryState.DELIVERED, view.courierId(), at);
            case DeliveryEvent.DeliveryCancelled cancelled ->
                view.withDelivery(DeliveryState.CANCELLED, view.courierId(), at);
        };
    }

    private static OrderReason reason(OrderRejectionReason reason) {
        return switch (reason) {
            case CONSUMER_UNKNOWN -> OrderReason.CONSUMER_UNKNOWN;
            case CONSUMER_INACTIVE -> OrderReason.CONSUMER_INACTIVE;
            case PAYMENT_DECLINED -> OrderReason.PAYMENT_DECLINED;
        };
    }

    private static OrderReason reason(CancellationReason reason) {
        return switch (reason) {
            case RESTAURANT_REJECTED -> OrderReason.RESTAURANT_REJECTED;
            case CANCELLED_BY_CONSUMER -> OrderReason.CANCELLED_BY_CONSUMER;
        };
    }
}
