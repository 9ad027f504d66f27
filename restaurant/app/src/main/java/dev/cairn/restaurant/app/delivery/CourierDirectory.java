package dev.cairn.restaurant.app.delivery;

import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.Projection;
import dev.cairn.restaurant.contracts.CourierEvent.CourierAvailabilityChanged;
import dev.cairn.restaurant.contracts.CourierEvent.CourierRegistered;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryCancelled;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryDelivered;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryScheduled;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.Triggered;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Delivery's read model for {@code GET /api/couriers}: every courier, whether available, and the order it is busy with. */
final class CourierDirectory implements Projection<PublishedEvent>, Triggered, FindCouriers {

    private final Map<String, CourierView> couriers = new ConcurrentHashMap<>();

    @Override
    public void apply(Envelope<PublishedEvent> event) {
        switch (event.event()) {
            case CourierRegistered registered ->
                couriers.putIfAbsent(
                        registered.courierId(), new CourierView(registered.courierId(), registered.name(), true, null));
            case CourierAvailabilityChanged changed ->
                couriers.computeIfPresent(
                        changed.courierId(),
                        (id, courier) -> new CourierView(id, courier.name(), changed.available(), courier.busyWith()));
            case DeliveryScheduled scheduled ->
                couriers.computeIfPresent(
                        scheduled.courierId(),
                        (id, courier) -> new CourierView(id, courier.name(), courier.available(), scheduled.orderId()));
            case DeliveryDelivered delivered -> freeFrom(delivered.orderId());
            case DeliveryCancelled cancelled -> freeFrom(cancelled.orderId());
            default -> {}
        }
    }

    private void freeFrom(String orderId) {
        couriers.replaceAll((id, courier) -> orderId.equals(courier.busyWith())
                ? new CourierView(id, courier.name(), courier.available(), null)
                : courier);
    }

    @Override
    public void reset() {
        couriers.clear();
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

    @Override
    public List<CourierView> all() {
        return couriers.values().stream()
                .sorted(Comparator.comparing(CourierView::name).thenComparing(CourierView::courierId))
                .toList();
    }
}
