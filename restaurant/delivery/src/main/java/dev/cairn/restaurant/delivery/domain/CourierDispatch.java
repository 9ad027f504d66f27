package dev.cairn.restaurant.delivery.domain;

import dev.cairn.restaurant.contracts.Require;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who is free and what is waiting, as {@link CourierDispatchProcess} knows it from the log.
 * Immutable: every change returns a new value, then pairs the longest-waiting delivery with the
 * longest-idle courier until one side runs out.
 *
 * @param idleCouriers        available couriers without a delivery, longest idle first
 * @param unavailableCouriers couriers who said they take no new deliveries (busy or not)
 * @param assignments         couriers and the delivery each carries, in the order assigned; a courier
 *                            is busy from assignment until that delivery is delivered or cancelled
 * @param waitingOrders       deliveries without a courier, longest waiting first
 */
public record CourierDispatch(
        List<String> idleCouriers,
        Set<String> unavailableCouriers,
        List<Assignment> assignments,
        List<String> waitingOrders) {

    /** A courier carrying one delivery. */
    public record Assignment(String courierId, String orderId) {
        public Assignment {
            Require.present("courierId", courierId);
            Require.present("orderId", orderId);
        }
    }

    public static final CourierDispatch EMPTY = new CourierDispatch(List.of(), Set.of(), List.of(), List.of());

    public CourierDispatch {
        idleCouriers = List.copyOf(idleCouriers);
        unavailableCouriers = Set.copyOf(unavailableCouriers);
        assignments = List.copyOf(assignments);
        waitingOrders = List.copyOf(waitingOrders);
    }

    /** A new courier is available, unless already known (a repeated event changes nothing). */
    CourierDispatch courierRegistered(String courierId) {
        if (knows(courierId)) {
            return this;
        }
        Draft draft = new Draft(this);
        draft.idle.add(courierId);
        return draft.matched();
    }

    /** Availability decides about new deliveries only: a busy courier keeps the one they carry. */
    CourierDispatch availabilityChanged(String courierId, boolean available) {
        Draft draft = new Draft(this);
        if (available) {
            draft.unavailable.remove(courierId);
            if (!busy(courierId) && !draft.idle.contains(courierId)) {
                draft.idle.add(courierId);
            }
        } else {
            draft.unavailable.add(courierId);
            draft.idle.remove(courierId);
        }
        return draft.matched();
    }

    CourierDispatch deliveryRequested(String orderId) {
        if (waitingOrders.contains(orderId) || assigned(orderId)) {
            return this;
        }
        Draft draft = new Draft(this);
        draft.waiting.add(orderId);
        return draft.matched();
    }

    /** Confirms an assignment; one this dispatch did not make is adopted as it is. */
    CourierDispatch deliveryScheduled(String orderId, String courierId) {
        if (assignments.contains(new Assignment(courierId, orderId))) {
            return this;
        }
        Draft draft = new Draft(this);
        draft.waiting.remove(orderId);
        draft.idle.remove(courierId);
        draft.assignments.removeIf(assignment -> assignment.orderId().equals(orderId));
        draft.assignments.add(new Assignment(courierId, orderId));
        return draft.matched();
    }

    /** Delivered or cancelled: the delivery stops waiting, and its courier, if any, is free again. */
    CourierDispatch deliveryEnded(String orderId) {
        Draft draft = new Draft(this);
        draft.waiting.remove(orderId);
        for (Assignment assignment : assignments) {
            if (assignment.orderId().equals(orderId)) {
                draft.assignments.remove(assignment);
                if (!draft.unavailable.contains(assignment.courierId())) {
                    draft.idle.add(assignment.courierId());
                }
            }
        }
        return draft.matched();
    }

    private boolean knows(String courierId) {
        return idleCouriers.contains(courierId) || unavailableCouriers.contains(courierId) || busy(courierId);
    }

    private boolean busy(String courierId) {
        return assignments.stream()
                .anyMatch(assignment -> assignment.courierId().equals(courierId));
    }

    private boolean assigned(String orderId) {
        return assignments.stream().anyMatch(assignment -> assignment.orderId().equals(orderId));
    }

    /** A mutable copy for one change. */
    private static final class Draft {
        final List<String> idle;
        final Set<String> unavailable;
        final List<Assignment> assignments;
        final List<String> waiting;

        Draft(CourierDispatch from) {
            idle = new ArrayList<>(from.idleCouriers);
            unavailable = new LinkedHashSet<>(from.unavailableCouriers);
            assignments = new ArrayList<>(from.assignments);
            waiting = new ArrayList<>(from.waitingOrders);
        }

        CourierDispatch matched() {
            while (!idle.isEmpty() && !waiting.isEmpty()) {
                assignments.add(new Assignment(idle.removeFirst(), waiting.removeFirst()));
            }
            return new CourierDispatch(idle, unavailable, assignments, waiting);
        }
    }
}
