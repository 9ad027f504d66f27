package dev.cairn.restaurant.contracts;

import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerDeactivated;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerReactivated;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerRegistered;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerificationFailed;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerified;
import dev.cairn.restaurant.contracts.CourierEvent.CourierAvailabilityChanged;
import dev.cairn.restaurant.contracts.CourierEvent.CourierRegistered;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryCancelled;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryDelivered;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryPickedUp;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryRequested;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryScheduled;
import dev.cairn.restaurant.contracts.OrderEvent.OrderApproved;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCancellationRefused;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCancellationRequested;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCancelled;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCompleted;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.OrderEvent.OrderRejected;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentAuthorized;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentCaptured;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentDeclined;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentReversed;
import dev.cairn.restaurant.contracts.RestaurantEvent.MenuRevised;
import dev.cairn.restaurant.contracts.RestaurantEvent.RestaurantRegistered;
import dev.cairn.restaurant.contracts.TicketEvent.TicketAccepted;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCancellationRefused;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCancelled;
import dev.cairn.restaurant.contracts.TicketEvent.TicketConfirmed;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCreated;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCreationRejected;
import dev.cairn.restaurant.contracts.TicketEvent.TicketPickedUp;
import dev.cairn.restaurant.contracts.TicketEvent.TicketPreparationStarted;
import dev.cairn.restaurant.contracts.TicketEvent.TicketReadyForPickup;
import dev.cairn.restaurant.contracts.TicketEvent.TicketRejected;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stable stored name of every published event, {@code <context>.<EventName>}. Stored events
 * carry this name, never the Java class name, so classes can move without breaking the log; a
 * name, once used, is never given to another event. A codec registers them all:
 *
 * <pre>{@code
 * TypeNames.all().forEach(builder::register);
 * }</pre>
 */
public final class TypeNames {

    private static final Map<String, Class<? extends PublishedEvent>> BY_NAME = build();
    private static final Map<Class<? extends PublishedEvent>, String> BY_CLASS = invert(BY_NAME);

    private TypeNames() {}

    /** Every name and its event class, grouped by context, in a stable order. */
    public static Map<String, Class<? extends PublishedEvent>> all() {
        return BY_NAME;
    }

    /**
     * The names of the events of one vocabulary, e.g. {@code within(OrderEvent.class)} for the
     * codec of ordering's command side, which writes and reads only its own events.
     */
    public static <E extends PublishedEvent> Map<String, Class<? extends E>> within(Class<E> vocabulary) {
        Map<String, Class<? extends E>> names = new LinkedHashMap<>();
        BY_NAME.forEach((name, type) -> {
            if (vocabulary.isAssignableFrom(type)) {
                names.put(name, type.asSubclass(vocabulary));
            }
        });
        return Collections.unmodifiableMap(names);
    }

    /** The stored name of an event class. */
    public static String of(Class<? extends PublishedEvent> type) {
        String name = BY_CLASS.get(type);
        if (name == null) {
            throw new IllegalArgumentException("no type name for " + type.getName());
        }
        return name;
    }

    private static Map<String, Class<? extends PublishedEvent>> build() {
        Map<String, Class<? extends PublishedEvent>> names = new LinkedHashMap<>();
        names.put("consumers.ConsumerRegistered", ConsumerRegistered.class);
        names.put("consumers.ConsumerDeactivated", ConsumerDeactivated.class);
        names.put("consumers.ConsumerReactivated", ConsumerReactivated.class);
        names.put("consumers.ConsumerVerified", ConsumerVerified.class);
        names.put("consumers.ConsumerVerificationFailed", ConsumerVerificationFailed.class);
        names.put("restaurants.RestaurantRegistered", RestaurantRegistered.class);
        names.put("restaurants.MenuRevised", MenuRevised.class);
        names.put("ordering.OrderCreated", OrderCreated.class);
        names.put("ordering.OrderApproved", OrderApproved.class);
        names.put("ordering.OrderRejected", OrderRejected.class);
        names.put("ordering.OrderCancellationRequested", OrderCancellationRequested.class);
        names.put("ordering.OrderCancellationRefused", OrderCancellationRefused.class);
        names.put("ordering.OrderCancelled", OrderCancelled.class);
        names.put("ordering.OrderCompleted", OrderCompleted.class);
        names.put("kitchen.TicketCreated", TicketCreated.class);
        names.put("kitchen.TicketCreationRejected", TicketCreationRejected.class);
        names.put("kitchen.TicketConfirmed", TicketConfirmed.class);
        names.put("kitchen.TicketAccepted", TicketAccepted.class);
        names.put("kitchen.TicketRejected", TicketRejected.class);
        names.put("kitchen.TicketPreparationStarted", TicketPreparationStarted.class);
        names.put("kitchen.TicketReadyForPickup", TicketReadyForPickup.class);
        names.put("kitchen.TicketPickedUp", TicketPickedUp.class);
        names.put("kitchen.TicketCancelled", TicketCancelled.class);
        names.put("kitchen.TicketCancellationRefused", TicketCancellationRefused.class);
        names.put("accounting.PaymentAuthorized", PaymentAuthorized.class);
        names.put("accounting.PaymentDeclined", PaymentDeclined.class);
        names.put("accounting.PaymentReversed", PaymentReversed.class);
        names.put("accounting.PaymentCaptured", PaymentCaptured.class);
        names.put("delivery.DeliveryRequested", DeliveryRequested.class);
        names.put("delivery.DeliveryScheduled", DeliveryScheduled.class);
        names.put("delivery.DeliveryPickedUp", DeliveryPickedUp.class);
        names.put("delivery.DeliveryDelivered", DeliveryDelivered.class);
        names.put("delivery.DeliveryCancelled", DeliveryCancelled.class);
        names.put("delivery.CourierRegistered", CourierRegistered.class);
        names.put("delivery.CourierAvailabilityChanged", CourierAvailabilityChanged.class);
        return Collections.unmodifiableMap(names);
    }

    private static Map<Class<? extends PublishedEvent>, String> invert(
            Map<String, Class<? extends PublishedEvent>> byName) {
        Map<Class<? extends PublishedEvent>, String> byClass = new LinkedHashMap<>();
        byName.forEach((name, type) -> byClass.put(type, name));
        return Collections.unmodifiableMap(byClass);
    }
}
