package dev.cairn.restaurant.triggers;

import dev.cairn.restaurant.contracts.CancellationReason;
import dev.cairn.restaurant.contracts.ConsumerEvent;
import dev.cairn.restaurant.contracts.CourierEvent;
import dev.cairn.restaurant.contracts.DeliveryEvent;
import dev.cairn.restaurant.contracts.Menu;
import dev.cairn.restaurant.contracts.MenuItem;
import dev.cairn.restaurant.contracts.OrderEvent;
import dev.cairn.restaurant.contracts.OrderLine;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.contracts.PaymentEvent;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.RestaurantEvent;
import dev.cairn.restaurant.contracts.TicketEvent;
import dev.cairn.restaurant.contracts.VerificationFailure;
import java.time.Instant;
import java.util.List;

/** One instance of every published event, all about order {@code o1}, for "ignores everything else" checks. */
final class SampleEvents {

    static final List<OrderLine> LINES = List.of(new OrderLine("m1", "Soup", 2, 450));
    static final Menu MENU = new Menu(List.of(new MenuItem("m1", "Soup", 450)));
    private static final Instant T = Instant.parse("2030-01-01T12:00:00Z");

    private SampleEvents() {}

    static List<PublishedEvent> all() {
        return List.of(
                new ConsumerEvent.ConsumerRegistered("c1", "Ada"),
                new ConsumerEvent.ConsumerDeactivated("c1"),
                new ConsumerEvent.ConsumerReactivated("c1"),
                new ConsumerEvent.ConsumerVerified("c1", "o1"),
                new ConsumerEvent.ConsumerVerificationFailed("c1", "o1", VerificationFailure.CONSUMER_UNKNOWN),
                new RestaurantEvent.RestaurantRegistered("r1", "Chez Ada", MENU),
                new RestaurantEvent.MenuRevised("r1", MENU),
                new OrderEvent.OrderCreated("o1", "c1", "r1", "Chez Ada", LINES, 900, "1 Main St", "tok_visa"),
                new OrderEvent.OrderApproved("o1"),
                new OrderEvent.OrderRejected("o1", OrderRejectionReason.PAYMENT_DECLINED),
                new OrderEvent.OrderCancellationRequested("o1"),
                new OrderEvent.OrderCancellationRefused("o1"),
                new OrderEvent.OrderCancelled("o1", CancellationReason.CANCELLED_BY_CONSUMER),
                new OrderEvent.OrderCompleted("o1"),
                new TicketEvent.TicketCreated("o1", "r1", LINES),
                new TicketEvent.TicketCreationRejected("o1", OrderRejectionReason.CONSUMER_UNKNOWN),
                new TicketEvent.TicketConfirmed("o1"),
                new TicketEvent.TicketAccepted("o1", "r1", T, T.plusSeconds(900)),
                new TicketEvent.TicketRejected("o1", "out of soup"),
                new TicketEvent.TicketPreparationStarted("o1"),
                new TicketEvent.TicketReadyForPickup("o1"),
                new TicketEvent.TicketPickedUp("o1"),
                new TicketEvent.TicketCancelled("o1"),
                new TicketEvent.TicketCancellationRefused("o1"),
                new PaymentEvent.PaymentAuthorized("o1", "c1", 900),
                new PaymentEvent.PaymentDeclined("o1", "c1", 900),
                new PaymentEvent.PaymentReversed("o1", 900, CancellationReason.RESTAURANT_REJECTED),
                new PaymentEvent.PaymentCaptured("o1", 900),
                new DeliveryEvent.DeliveryRequested("o1", "r1", T.plusSeconds(900)),
                new DeliveryEvent.DeliveryScheduled("o1", "k1"),
                new DeliveryEvent.DeliveryPickedUp("o1", "k1"),
                new DeliveryEvent.DeliveryDelivered("o1", "k1"),
                new DeliveryEvent.DeliveryCancelled("o1"),
                new CourierEvent.CourierRegistered("k1", "Kim"),
                new CourierEvent.CourierAvailabilityChanged("k1", false));
    }
}
