package dev.cairn.restaurant.kitchen.domain;

import dev.cairn.restaurant.contracts.OrderLine;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.contracts.Require;
import dev.cairn.restaurant.contracts.Streams;
import java.time.Instant;
import java.util.List;

/** What may be asked of a ticket; all go to {@code ticket-<orderId>}. */
public sealed interface TicketCommand {

    String orderId();

    default String streamId() {
        return Streams.ticket(orderId());
    }

    /** Sent when an order is created. */
    record CreateTicket(String orderId, String restaurantId, List<OrderLine> lines) implements TicketCommand {
        public CreateTicket {
            Require.id("orderId", orderId);
            Require.id("restaurantId", restaurantId);
            lines = List.copyOf(Require.present("lines", lines));
        }
    }

    /** Sent when the order is rejected before approval (consumer unknown, payment declined). */
    record RejectTicketCreation(String orderId, OrderRejectionReason reason) implements TicketCommand {
        public RejectTicketCreation {
            Require.id("orderId", orderId);
            Require.present("reason", reason);
        }
    }

    /** Sent when the payment is authorised. */
    record ConfirmTicket(String orderId) implements TicketCommand {
        public ConfirmTicket {
            Require.id("orderId", orderId);
        }
    }

    /**
     * {@code POST /api/tickets/{orderId}/accept}.
     *
     * @param acceptedAt the host's clock when the request arrived (time arrives on the command)
     * @param readyBy    when the food will be ready; not before {@code acceptedAt}
     */
    record AcceptTicket(String orderId, Instant acceptedAt, Instant readyBy) implements TicketCommand {
        public AcceptTicket {
            Require.id("orderId", orderId);
            Require.present("acceptedAt", acceptedAt);
            Require.present("readyBy", readyBy);
            if (readyBy.isBefore(acceptedAt)) {
                throw Require.invalid("readyBy must not be in the past (" + readyBy + " is before " + acceptedAt + ")");
            }
        }
    }

    /** {@code POST /api/tickets/{orderId}/reject}: the kitchen will not make it. */
    record RejectTicket(String orderId, String reason) implements TicketCommand {
        public static final int MAX_REASON_LENGTH = 500;

        public RejectTicket {
            Require.id("orderId", orderId);
            Require.text("reason", reason, MAX_REASON_LENGTH);
        }
    }

    /** {@code POST /api/tickets/{orderId}/preparing}. */
    record StartPreparation(String orderId) implements TicketCommand {
        public StartPreparation {
            Require.id("orderId", orderId);
        }
    }

    /** {@code POST /api/tickets/{orderId}/ready}. */
    record MarkReadyForPickup(String orderId) implements TicketCommand {
        public MarkReadyForPickup {
            Require.id("orderId", orderId);
        }
    }

    /** Sent when the courier picked the delivery up. */
    record PickUpTicket(String orderId) implements TicketCommand {
        public PickUpTicket {
            Require.id("orderId", orderId);
        }
    }

    /** Sent when the consumer asked to cancel the order. */
    record CancelTicket(String orderId) implements TicketCommand {
        public CancelTicket {
            Require.id("orderId", orderId);
        }
    }
}
