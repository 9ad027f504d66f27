package dev.cairn.restaurant.contracts;

import java.time.Instant;
import java.util.List;

/** Facts of the kitchen context, in {@code ticket-<orderId>}: a ticket's id is its order's id. */
public sealed interface TicketEvent extends PublishedEvent {

    String orderId();

    /** The kitchen knows of the order and waits for its approval (state {@code CREATE_PENDING}). */
    record TicketCreated(String orderId, String restaurantId, List<OrderLine> lines) implements TicketEvent {
        public TicketCreated {
            Require.id("orderId", orderId);
            Require.id("restaurantId", restaurantId);
            lines = List.copyOf(Require.present("lines", lines));
        }
    }

    /** The order was rejected before approval, so the kitchen will not make it (state {@code REJECTED}). */
    record TicketCreationRejected(String orderId, OrderRejectionReason reason) implements TicketEvent {
        public TicketCreationRejected {
            Require.id("orderId", orderId);
            Require.present("reason", reason);
        }
    }

    /** The order is paid for; the kitchen may accept it (state {@code AWAITING_ACCEPTANCE}). */
    record TicketConfirmed(String orderId) implements TicketEvent {
        public TicketConfirmed {
            Require.id("orderId", orderId);
        }
    }

    /** The kitchen will make it by {@code readyBy} (state {@code ACCEPTED}); delivery may be scheduled. */
    record TicketAccepted(String orderId, String restaurantId, Instant acceptedAt, Instant readyBy)
            implements TicketEvent {
        public TicketAccepted {
            Require.id("orderId", orderId);
            Require.id("restaurantId", restaurantId);
            Require.present("acceptedAt", acceptedAt);
            Require.present("readyBy", readyBy);
        }
    }

    /** The kitchen refused the order (state {@code REJECTED}); the payment will be reversed. */
    record TicketRejected(String orderId, String reason) implements TicketEvent {
        public TicketRejected {
            Require.id("orderId", orderId);
            Require.present("reason", reason);
        }
    }

    /** Cooking started (state {@code PREPARING}); from now on the consumer can no longer cancel. */
    record TicketPreparationStarted(String orderId) implements TicketEvent {
        public TicketPreparationStarted {
            Require.id("orderId", orderId);
        }
    }

    /** The food waits for its courier (state {@code READY_FOR_PICKUP}). */
    record TicketReadyForPickup(String orderId) implements TicketEvent {
        public TicketReadyForPickup {
            Require.id("orderId", orderId);
        }
    }

    /** The courier took the food (state {@code PICKED_UP}). */
    record TicketPickedUp(String orderId) implements TicketEvent {
        public TicketPickedUp {
            Require.id("orderId", orderId);
        }
    }

    /** The consumer's cancellation reached the kitchen in time (state {@code CANCELLED}). */
    record TicketCancelled(String orderId) implements TicketEvent {
        public TicketCancelled {
            Require.id("orderId", orderId);
        }
    }

    /**
     * The consumer's cancellation came too late: preparation had started. The ticket's state does
     * not change; the order goes back to {@code APPROVED}.
     */
    record TicketCancellationRefused(String orderId) implements TicketEvent {
        public TicketCancellationRefused {
            Require.id("orderId", orderId);
        }
    }
}
