package dev.cairn.restaurant.delivery.domain;

import static dev.cairn.restaurant.delivery.domain.DeliveryStatus.CANCELLED;
import static dev.cairn.restaurant.delivery.domain.DeliveryStatus.DELIVERED;
import static dev.cairn.restaurant.delivery.domain.DeliveryStatus.PENDING;
import static dev.cairn.restaurant.delivery.domain.DeliveryStatus.PICKED_UP;
import static dev.cairn.restaurant.delivery.domain.DeliveryStatus.SCHEDULED;

import dev.cairn.core.model.Decider;
import dev.cairn.core.model.Rejection;
import dev.cairn.restaurant.contracts.DeliveryEvent;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryCancelled;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryDelivered;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryPickedUp;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryRequested;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryScheduled;
import dev.cairn.restaurant.delivery.domain.Delivery.Existing;
import dev.cairn.restaurant.delivery.domain.Delivery.NoDelivery;
import dev.cairn.restaurant.delivery.domain.DeliveryCommand.CancelDelivery;
import dev.cairn.restaurant.delivery.domain.DeliveryCommand.CompleteDelivery;
import dev.cairn.restaurant.delivery.domain.DeliveryCommand.PickUpDelivery;
import dev.cairn.restaurant.delivery.domain.DeliveryCommand.RequestDelivery;
import dev.cairn.restaurant.delivery.domain.DeliveryCommand.ScheduleDelivery;
import java.util.List;
import java.util.Optional;

/**
 * An order's delivery, in {@code delivery-<orderId>}: {@code PENDING → SCHEDULED → PICKED_UP →
 * DELIVERED}, or {@code CANCELLED} before pickup. Which courier takes it is decided by
 * {@link CourierDispatchProcess}; this decider only checks that the delivery can take that courier.
 * A command whose effect is already there succeeds with no events.
 */
public final class DeliveryDecider implements Decider<DeliveryCommand, Delivery, DeliveryEvent> {

    @Override
    public Delivery initialState() {
        return new NoDelivery();
    }

    @Override
    public List<DeliveryEvent> decide(DeliveryCommand command, Delivery state) {
        String id = command.orderId();
        return switch (command) {
            case RequestDelivery request ->
                state instanceof NoDelivery
                        ? List.of(new DeliveryRequested(id, request.restaurantId(), request.readyBy()))
                        : List.of();
            case ScheduleDelivery schedule -> schedule(schedule, existing(state, id));
            case PickUpDelivery pickUp -> pickUp(pickUp, existing(state, id));
            case CompleteDelivery complete -> complete(existing(state, id), id);
            case CancelDelivery cancel -> state instanceof Existing delivery ? cancel(delivery, id) : List.of();
        };
    }

    @Override
    public Delivery evolve(Delivery state, DeliveryEvent event) {
        return switch (event) {
            case DeliveryRequested requested -> new Existing(PENDING, Optional.empty());
            case DeliveryScheduled scheduled ->
                existing(state, scheduled.orderId()).scheduledWith(scheduled.courierId());
            case DeliveryPickedUp pickedUp ->
                existing(state, pickedUp.orderId()).in(PICKED_UP);
            case DeliveryDelivered delivered ->
                existing(state, delivered.orderId()).in(DELIVERED);
            case DeliveryCancelled cancelled ->
                existing(state, cancelled.orderId()).in(CANCELLED);
        };
    }

    /** The same courier again: nothing to do; another courier for a scheduled delivery: refused. */
    private static List<DeliveryEvent> schedule(ScheduleDelivery command, Existing delivery) {
        if (delivery.status() == PENDING) {
            return List.of(new DeliveryScheduled(command.orderId(), command.courierId()));
        }
        if (delivery.status() != CANCELLED && delivery.courierId().equals(Optional.of(command.courierId()))) {
            return List.of();
        }
        throw Rejection.notAllowed(
                "INVALID_TRANSITION",
                "delivery " + command.orderId() + " is " + delivery.status()
                        + delivery.courierId()
                                .map(courier -> " with courier " + courier)
                                .orElse("")
                        + "; it cannot be scheduled with courier " + command.courierId());
    }

    private static List<DeliveryEvent> pickUp(PickUpDelivery command, Existing delivery) {
        if (delivery.status() == SCHEDULED && !command.ticketReady()) {
            throw Rejection.notAllowed(
                    "TICKET_NOT_READY",
                    "delivery " + command.orderId()
                            + " cannot be picked up: the kitchen has not marked it ready for pickup");
        }
        return switch (delivery.status()) {
            case SCHEDULED ->
                List.of(new DeliveryPickedUp(
                        command.orderId(), delivery.courierId().orElseThrow()));
            case PICKED_UP -> List.of();
            case PENDING, DELIVERED, CANCELLED -> throw transition(delivery, command.orderId(), "picked up", SCHEDULED);
        };
    }

    private static List<DeliveryEvent> complete(Existing delivery, String orderId) {
        return switch (delivery.status()) {
            case PICKED_UP ->
                List.of(new DeliveryDelivered(orderId, delivery.courierId().orElseThrow()));
            case DELIVERED -> List.of();
            case PENDING, SCHEDULED, CANCELLED -> throw transition(delivery, orderId, "delivered", PICKED_UP);
        };
    }

    /** Nothing to cancel is not an error ("delivery, if any, CANCELLED"); food on its way cannot be recalled. */
    private static List<DeliveryEvent> cancel(Existing delivery, String orderId) {
        return switch (delivery.status()) {
            case PENDING, SCHEDULED -> List.of(new DeliveryCancelled(orderId));
            case CANCELLED -> List.of();
            case PICKED_UP, DELIVERED -> throw transition(delivery, orderId, "cancelled", SCHEDULED);
        };
    }

    private static Existing existing(Delivery state, String orderId) {
        return switch (state) {
            case Existing existing -> existing;
            case NoDelivery none ->
                throw Rejection.notFound("DELIVERY_NOT_FOUND", "delivery " + orderId + " does not exist");
        };
    }

    private static Rejection transition(Existing delivery, String orderId, String action, DeliveryStatus needed) {
        return Rejection.notAllowed(
                "INVALID_TRANSITION",
                "delivery " + orderId + " is " + delivery.status() + "; it must be " + needed + " to be " + action);
    }
}
