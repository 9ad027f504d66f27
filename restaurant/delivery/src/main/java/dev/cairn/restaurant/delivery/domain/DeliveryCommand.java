package dev.cairn.restaurant.delivery.domain;

import dev.cairn.restaurant.contracts.Require;
import dev.cairn.restaurant.contracts.Streams;
import java.time.Instant;

/** What may be asked of an order's delivery; all go to {@code delivery-<orderId>}. */
public sealed interface DeliveryCommand {

    String orderId();

    default String streamId() {
        return Streams.delivery(orderId());
    }

    /** Sent when the kitchen accepts the ticket: the delivery waits for a courier. */
    record RequestDelivery(String orderId, String restaurantId, Instant readyBy) implements DeliveryCommand {
        public RequestDelivery {
            Require.id("orderId", orderId);
            Require.id("restaurantId", restaurantId);
            Require.present("readyBy", readyBy);
        }
    }

    /** Sent by {@link CourierDispatchProcess}: this courier takes the delivery. */
    record ScheduleDelivery(String orderId, String courierId) implements DeliveryCommand {
        public ScheduleDelivery {
            Require.id("orderId", orderId);
            Require.id("courierId", courierId);
        }
    }

    /**
     * {@code POST /api/deliveries/{orderId}/pickup}.
     *
     * @param ticketReady whether delivery's {@link ReadyForPickupReplica} has seen the kitchen mark
     *                    the food ready; a courier cannot take food that is not ready
     */
    record PickUpDelivery(String orderId, boolean ticketReady) implements DeliveryCommand {
        public PickUpDelivery {
            Require.id("orderId", orderId);
        }
    }

    /** {@code POST /api/deliveries/{orderId}/deliver}. */
    record CompleteDelivery(String orderId) implements DeliveryCommand {
        public CompleteDelivery {
            Require.id("orderId", orderId);
        }
    }

    /** Sent when the ticket is cancelled; there may be no delivery yet. */
    record CancelDelivery(String orderId) implements DeliveryCommand {
        public CancelDelivery {
            Require.id("orderId", orderId);
        }
    }
}
