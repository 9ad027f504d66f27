package dev.cairn.restaurant.app.delivery;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.app.Directory;
import dev.cairn.restaurant.contracts.CourierEvent.CourierAvailabilityChanged;
import dev.cairn.restaurant.contracts.CourierEvent.CourierRegistered;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryCancelled;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryDelivered;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryScheduled;
import dev.cairn.restaurant.contracts.PublishedEvent;
import java.util.Set;

/** Delivery's read model for {@code GET /api/couriers}: every courier, whether available, and the order it is busy with. */
final class CourierDirectory extends Directory<CourierView> implements FindCouriers {

    CourierDirectory() {
        super(CourierView::name, CourierView::courierId);
    }

    @Override
    public void apply(Envelope<PublishedEvent> event) {
        switch (event.event()) {
            case CourierRegistered registered ->
                register(new CourierView(registered.courierId(), registered.name(), true, null));
            case CourierAvailabilityChanged changed ->
                update(changed.courierId(), courier -> courier.withAvailable(changed.available()));
            case DeliveryScheduled scheduled ->
                update(scheduled.courierId(), courier -> courier.withBusyWith(scheduled.orderId()));
            case DeliveryDelivered delivered -> freeFrom(delivered.orderId());
            case DeliveryCancelled cancelled -> freeFrom(cancelled.orderId());
            default -> {}
        }
    }

    private void freeFrom(String orderId) {
        updateAll(courier -> orderId.equals(courier.busyWith()) ? courier.withBusyWith(null) : courier);
    }

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(
                CourierRegistered.class,
                CourierAvailabilityChanged.class,
                DeliveryScheduled.class,
                DeliveryDelivered.class,
                DeliveryCancelled.class);
    }
}
