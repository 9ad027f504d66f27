package dev.cairn.restaurant.contracts;

import java.time.Instant;

/** Facts of the delivery context about one order's delivery, in {@code delivery-<orderId>}. */
public sealed interface DeliveryEvent extends PublishedEvent {

    String orderId();

    /** The kitchen accepted the order; a courier is needed (state {@code PENDING}). */
    record DeliveryRequested(String orderId, String restaurantId, Instant readyBy) implements DeliveryEvent {
        public DeliveryRequested {
            Require.id("orderId", orderId);
            Require.id("restaurantId", restaurantId);
            Require.present("readyBy", readyBy);
        }
    }

    /** A courier was assigned (state {@code SCHEDULED}); they are busy until delivered or cancelled. */
    record DeliveryScheduled(String orderId, String courierId) implements DeliveryEvent {
        public DeliveryScheduled {
            Require.id("orderId", orderId);
            Require.id("courierId", courierId);
        }
    }

    /** The courier took the food from the kitchen (state {@code PICKED_UP}). */
    record DeliveryPickedUp(String orderId, String courierId) implements DeliveryEvent {
        public DeliveryPickedUp {
            Require.id("orderId", orderId);
            Require.id("courierId", courierId);
        }
    }

    /** The consumer has the food (state {@code DELIVERED}); the courier is free again. */
    record DeliveryDelivered(String orderId, String courierId) implements DeliveryEvent {
        public DeliveryDelivered {
            Require.id("orderId", orderId);
            Require.id("courierId", courierId);
        }
    }

    /** The order was cancelled before pickup (state {@code CANCELLED}); its courier, if any, is free again. */
    record DeliveryCancelled(String orderId) implements DeliveryEvent {
        public DeliveryCancelled {
            Require.id("orderId", orderId);
        }
    }
}
