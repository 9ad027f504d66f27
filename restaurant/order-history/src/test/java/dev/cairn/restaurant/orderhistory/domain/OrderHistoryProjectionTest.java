package dev.cairn.restaurant.orderhistory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.restaurant.contracts.CancellationReason;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerRegistered;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerificationFailed;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerified;
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
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.OrderEvent.OrderRejected;
import dev.cairn.restaurant.contracts.OrderLine;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentAuthorized;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentDeclined;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentReversed;
import dev.cairn.restaurant.contracts.PublishedEvent;
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
import dev.cairn.restaurant.contracts.VerificationFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrderHistoryProjectionTest {

    static final Instant T0 = Instant.parse("2030-01-01T12:00:00Z");
    static final List<OrderLine> LINES =
            List.of(new OrderLine("m1", "Soup", 2, 450), new OrderLine("m2", "Bread", 1, 200));
    static final OrderCreated CREATED =
            new OrderCreated("o1", "c1", "r1", "Chez Ada", LINES, 1100, "1 Main St", "tok_visa");
    static final List<PublishedEvent> APPROVAL = List.of(
            CREATED,
            new ConsumerVerified("c1", "o1"),
            new TicketCreated("o1", "r1", LINES),
            new PaymentAuthorized("o1", "c1", 1100),
            new OrderApproved("o1"),
            new TicketConfirmed("o1"));
    static final List<PublishedEvent> ACCEPTANCE = List.of(
            new TicketAccepted("o1", "r1", T0, T0.plusSeconds(1200)),
            new DeliveryRequested("o1", "r1", T0.plusSeconds(1200)));

    private final OrderHistoryProjection projection = new OrderHistoryProjection();

    /** Applies events at positions 1, 2, … recorded a second apart. */
    private Optional<OrderViewRow> replay(List<PublishedEvent> events) {
        Optional<OrderViewRow> row = Optional.empty();
        for (int i = 0; i < events.size(); i++) {
            row = projection.apply(row, events.get(i), i + 1, T0.plusSeconds(i + 1));
        }
        return row;
    }

    private OrderView view(List<PublishedEvent> events) {
        return replay(events).orElseThrow().view();
    }

    @SafeVarargs
    private static List<PublishedEvent> flow(List<PublishedEvent>... parts) {
        List<PublishedEvent> all = new ArrayList<>();
        for (List<PublishedEvent> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    @Nested
    class Creating_an_order {

        @Test
        void shows_the_order_awaiting_approval_with_its_priced_items() {
            OrderView view = view(List.of(CREATED));

            assertThat(view)
                    .isEqualTo(new OrderView(
                            "o1",
                            "c1",
                            "r1",
                            "Chez Ada",
                            List.of(
                                    new OrderView.Item("m1", "Soup", 2, 450),
                                    new OrderView.Item("m2", "Bread", 1, 200)),
                            1100,
                            OrderState.APPROVAL_PENDING,
                            null,
                            null,
                            null,
                            null,
                            null,
                            T0.plusSeconds(1),
                            T0.plusSeconds(1)));
        }

        @Test
        void ends_approved_with_the_ticket_awaiting_acceptance_and_the_payment_authorized() {
            OrderView view = view(APPROVAL);

            assertThat(view.state()).isEqualTo(OrderState.APPROVED);
            assertThat(view.reason()).isNull();
            assertThat(view.ticketState()).isEqualTo(TicketState.AWAITING_ACCEPTANCE);
            assertThat(view.paymentState()).isEqualTo(PaymentState.AUTHORIZED);
            assertThat(view.deliveryState()).isNull();
            assertThat(view.createdAt()).isEqualTo(T0.plusSeconds(1));
            assertThat(view.updatedAt()).isEqualTo(T0.plusSeconds(6));
        }

        @Test
        void an_unknown_consumer_rejects_the_order_and_the_ticket_without_a_payment() {
            OrderView view = view(List.of(
                    CREATED,
                    new TicketCreated("o1", "r1", LINES),
                    new ConsumerVerificationFailed("c1", "o1", VerificationFailure.CONSUMER_UNKNOWN),
                    new OrderRejected("o1", OrderRejectionReason.CONSUMER_UNKNOWN),
                    new TicketCreationRejected("o1", OrderRejectionReason.CONSUMER_UNKNOWN)));

            assertThat(view.state()).isEqualTo(OrderState.REJECTED);
            assertThat(view.reason()).isEqualTo(OrderReason.CONSUMER_UNKNOWN);
            assertThat(view.ticketState()).isEqualTo(TicketState.REJECTED);
            assertThat(view.paymentState()).isNull();
        }

        @Test
        void a_declined_payment_rejects_the_order_and_the_ticket() {
            OrderView view = view(List.of(
                    CREATED,
                    new ConsumerVerified("c1", "o1"),
                    new TicketCreated("o1", "r1", LINES),
                    new PaymentDeclined("o1", "c1", 1100),
                    new OrderRejected("o1", OrderRejectionReason.PAYMENT_DECLINED),
                    new TicketCreationRejected("o1", OrderRejectionReason.PAYMENT_DECLINED)));

            assertThat(view.state()).isEqualTo(OrderState.REJECTED);
            assertThat(view.reason()).isEqualTo(OrderReason.PAYMENT_DECLINED);
            assertThat(view.ticketState()).isEqualTo(TicketState.REJECTED);
            assertThat(view.paymentState()).isEqualTo(PaymentState.DECLINED);
        }
    }

    @Nested
    class After_approval {

        @Test
        void an_accepted_ticket_without_a_courier_shows_a_pending_delivery() {
            OrderView view = view(flow(APPROVAL, ACCEPTANCE));

            assertThat(view.ticketState()).isEqualTo(TicketState.ACCEPTED);
            assertThat(view.deliveryState()).isEqualTo(DeliveryState.PENDING);
            assertThat(view.courierId()).isNull();
        }

        @Test
        void follows_the_order_to_its_delivery() {
            OrderView view = view(flow(
                    APPROVAL,
                    ACCEPTANCE,
                    List.of(
                            new DeliveryScheduled("o1", "k1"),
                            new TicketPreparationStarted("o1"),
                            new TicketReadyForPickup("o1"),
                            new DeliveryPickedUp("o1", "k1"),
                            new TicketPickedUp("o1"),
                            new DeliveryDelivered("o1", "k1"))));

            assertThat(view.state()).isEqualTo(OrderState.APPROVED);
            assertThat(view.ticketState()).isEqualTo(TicketState.PICKED_UP);
            assertThat(view.deliveryState()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(view.courierId()).isEqualTo("k1");
        }

        @Test
        void a_kitchen_rejection_cancels_the_order_and_reverses_the_payment() {
            OrderView view = view(flow(
                    APPROVAL,
                    List.of(
                            new TicketRejected("o1", "out of soup"),
                            new PaymentReversed("o1", 1100, CancellationReason.RESTAURANT_REJECTED),
                            new OrderCancelled("o1", CancellationReason.RESTAURANT_REJECTED))));

            assertThat(view.state()).isEqualTo(OrderState.CANCELLED);
            assertThat(view.reason()).isEqualTo(OrderReason.RESTAURANT_REJECTED);
            assertThat(view.ticketState()).isEqualTo(TicketState.REJECTED);
            assertThat(view.paymentState()).isEqualTo(PaymentState.REVERSED);
            assertThat(view.deliveryState()).isNull();
        }

        @Test
        void a_consumer_cancellation_in_time_cancels_everything() {
            List<PublishedEvent> events = flow(
                    APPROVAL,
                    ACCEPTANCE,
                    List.of(new DeliveryScheduled("o1", "k1"), new OrderCancellationRequested("o1")));
            assertThat(view(events).state()).isEqualTo(OrderState.CANCEL_PENDING);

            OrderView view = view(flow(
                    events,
                    List.of(
                            new TicketCancelled("o1"),
                            new DeliveryCancelled("o1"),
                            new PaymentReversed("o1", 1100, CancellationReason.CANCELLED_BY_CONSUMER),
                            new OrderCancelled("o1", CancellationReason.CANCELLED_BY_CONSUMER))));
            assertThat(view.state()).isEqualTo(OrderState.CANCELLED);
            assertThat(view.reason()).isEqualTo(OrderReason.CANCELLED_BY_CONSUMER);
            assertThat(view.ticketState()).isEqualTo(TicketState.CANCELLED);
            assertThat(view.paymentState()).isEqualTo(PaymentState.REVERSED);
            assertThat(view.deliveryState()).isEqualTo(DeliveryState.CANCELLED);
            assertThat(view.courierId()).isEqualTo("k1");
        }

        @Test
        void a_cancellation_too_late_puts_the_order_back_to_approved() {
            OrderView view = view(flow(
                    APPROVAL,
                    ACCEPTANCE,
                    List.of(
                            new TicketPreparationStarted("o1"),
                            new OrderCancellationRequested("o1"),
                            new TicketCancellationRefused("o1"),
                            new OrderCancellationRefused("o1"))));

            assertThat(view.state()).isEqualTo(OrderState.APPROVED);
            assertThat(view.ticketState()).isEqualTo(TicketState.PREPARING);
            assertThat(view.paymentState()).isEqualTo(PaymentState.AUTHORIZED);
        }
    }

    @Nested
    class Redelivery {

        @Test
        void an_event_at_or_below_the_last_position_changes_nothing() {
            Optional<OrderViewRow> row = replay(APPROVAL);

            assertThat(projection.apply(row, new OrderCancelled("o1", CancellationReason.RESTAURANT_REJECTED), 6, T0))
                    .isEqualTo(row);
            assertThat(projection.apply(row, new TicketCreated("o1", "r1", LINES), 3, T0))
                    .isEqualTo(row);
            assertThat(projection.apply(row, CREATED, 1, T0)).isEqualTo(row);
        }

        @Test
        void replaying_every_event_twice_gives_the_same_view() {
            List<PublishedEvent> events = flow(APPROVAL, ACCEPTANCE, List.of(new DeliveryScheduled("o1", "k1")));
            Optional<OrderViewRow> row = Optional.empty();
            for (int i = 0; i < events.size(); i++) {
                row = projection.apply(row, events.get(i), i + 1, T0.plusSeconds(i + 1));
                row = projection.apply(row, events.get(i), i + 1, T0.plusSeconds(99));
                if (i > 0) {
                    row = projection.apply(row, events.get(i - 1), i, T0.plusSeconds(99));
                }
            }

            assertThat(row).isEqualTo(replay(events));
        }
    }

    @Nested
    class Bookkeeping {

        @Test
        void keeps_the_creation_and_last_positions() {
            OrderViewRow row = replay(APPROVAL).orElseThrow();

            assertThat(row.createdPosition()).isEqualTo(1);
            assertThat(row.lastPosition()).isEqualTo(6);
        }

        @Test
        void an_event_that_shows_nothing_moves_the_position_but_not_updated_at() {
            OrderViewRow row = replay(APPROVAL).orElseThrow();
            OrderViewRow after = projection
                    .apply(Optional.of(row), new TicketCancellationRefused("o1"), 7, T0.plusSeconds(50))
                    .orElseThrow();

            assertThat(after.view()).isEqualTo(row.view());
            assertThat(after.lastPosition()).isEqualTo(7);
        }

        @Test
        void nothing_starts_a_row_but_the_order_s_creation() {
            assertThat(projection.apply(Optional.empty(), new OrderApproved("o1"), 1, T0))
                    .isEmpty();
            assertThat(projection.apply(Optional.empty(), new ConsumerRegistered("c1", "Ada"), 1, T0))
                    .isEmpty();
        }

        @Test
        void knows_which_order_an_event_is_about() {
            assertThat(OrderHistoryProjection.orderIdOf(new DeliveryScheduled("o7", "k1")))
                    .contains("o7");
            assertThat(OrderHistoryProjection.orderIdOf(new PaymentDeclined("o8", "c1", 1)))
                    .contains("o8");
            assertThat(OrderHistoryProjection.orderIdOf(new ConsumerVerified("c1", "o1")))
                    .isEmpty();
            assertThat(OrderHistoryProjection.orderIdOf(new CourierRegistered("k1", "Kim")))
                    .isEmpty();
        }
    }
}
