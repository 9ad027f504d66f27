package dev.cairn.restaurant.delivery.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.contracts.CourierEvent.CourierAvailabilityChanged;
import dev.cairn.restaurant.contracts.CourierEvent.CourierRegistered;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryCancelled;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryDelivered;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryRequested;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryScheduled;
import dev.cairn.restaurant.contracts.ProcessRules;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.RuledProcessManager;
import dev.cairn.restaurant.delivery.domain.CourierDispatch.Assignment;
import dev.cairn.restaurant.delivery.domain.DeliveryCommand.ScheduleDelivery;
import java.util.ArrayList;
import java.util.List;

/**
 * Assigns couriers: the one place that decides who carries what, so a courier never gets two
 * deliveries at once. A single instance ({@link #INSTANCE}) follows courier availability and the
 * life of every delivery; when an event frees a courier or adds a waiting delivery, it pairs them
 * and sends {@link ScheduleDelivery}. A delivery with no free courier stays {@code PENDING} until
 * one is registered, becomes available, or finishes a delivery.
 *
 * <p>The courier is reserved from the moment of pairing (before {@code DeliveryScheduled} is
 * recorded), so no second pairing can take them. If the delivery is cancelled before the schedule
 * lands, the schedule is refused by the delivery and {@code DeliveryCancelled} frees the courier.
 * Going unavailable after a pairing does not undo it: availability governs new deliveries.
 *
 * <p>Commands are decided on the transition (assignments in {@code after} but not in
 * {@code before}), so later events never send a schedule twice. One instance holds every courier
 * and waiting delivery; partitioning by area would be the next step at a larger scale.
 */
public final class CourierDispatchProcess extends RuledProcessManager<CourierDispatch, DeliveryCommand> {

    /** The id of the single dispatch instance. */
    public static final String INSTANCE = "dispatch";

    private static final ProcessRules<CourierDispatch> RULES = ProcessRules.<CourierDispatch>oneInstance(INSTANCE)
            .on(CourierRegistered.class, (state, registered) -> state.courierRegistered(registered.courierId()))
            .on(
                    CourierAvailabilityChanged.class,
                    (state, changed) -> state.availabilityChanged(changed.courierId(), changed.available()))
            .on(DeliveryRequested.class, (state, requested) -> state.deliveryRequested(requested.orderId()))
            .on(
                    DeliveryScheduled.class,
                    (state, scheduled) -> state.deliveryScheduled(scheduled.orderId(), scheduled.courierId()))
            .on(DeliveryDelivered.class, (state, delivered) -> state.deliveryEnded(delivered.orderId()))
            .on(DeliveryCancelled.class, (state, cancelled) -> state.deliveryEnded(cancelled.orderId()));

    public CourierDispatchProcess() {
        super(RULES, CourierDispatch.EMPTY);
    }

    @Override
    public List<DeliveryCommand> react(CourierDispatch before, CourierDispatch after, Envelope<PublishedEvent> event) {
        List<DeliveryCommand> schedules = new ArrayList<>();
        for (Assignment assignment : after.assignments()) {
            boolean confirmation = event.event() instanceof DeliveryScheduled scheduled
                    && scheduled.orderId().equals(assignment.orderId());
            if (!before.assignments().contains(assignment) && !confirmation) {
                schedules.add(new ScheduleDelivery(assignment.orderId(), assignment.courierId()));
            }
        }
        return List.copyOf(schedules);
    }
}
