package dev.cairn.restaurant.delivery.domain;

import dev.cairn.restaurant.contracts.CourierEvent.CourierRegistered;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryCancelled;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryDelivered;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryPickedUp;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryRequested;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryScheduled;
import java.time.Instant;

/** Delivery o1 from restaurant r1 and Kim (k1), its courier, as the delivery tests build them. */
final class Deliveries {

    static final Instant READY_BY = Instant.parse("2030-01-01T12:20:00Z");

    static final CourierRegistered KIM = new CourierRegistered("k1", "Kim");
    static final DeliveryRequested REQUESTED = new DeliveryRequested("o1", "r1", READY_BY);
    static final DeliveryScheduled SCHEDULED = new DeliveryScheduled("o1", "k1");
    static final DeliveryPickedUp PICKED_UP = new DeliveryPickedUp("o1", "k1");
    static final DeliveryDelivered DELIVERED = new DeliveryDelivered("o1", "k1");
    static final DeliveryCancelled CANCELLED = new DeliveryCancelled("o1");

    private Deliveries() {}
}
