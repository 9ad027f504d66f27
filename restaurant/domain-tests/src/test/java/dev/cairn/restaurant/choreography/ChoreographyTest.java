package dev.cairn.restaurant.choreography;

import static dev.cairn.restaurant.choreography.ChoreographyTest.Progress.approved;
import static dev.cairn.restaurant.choreography.ChoreographyTest.Progress.cancelled;
import static dev.cairn.restaurant.choreography.ChoreographyTest.Progress.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.model.Rejection;
import dev.cairn.restaurant.choreography.InMemoryRestaurant.Delivery;
import dev.cairn.restaurant.consumers.domain.ConsumerCommand.DeactivateConsumer;
import dev.cairn.restaurant.consumers.domain.ConsumerCommand.RegisterConsumer;
import dev.cairn.restaurant.contracts.Menu;
import dev.cairn.restaurant.contracts.MenuItem;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCancellationRefused;
import dev.cairn.restaurant.delivery.domain.CourierCommand.RegisterCourier;
import dev.cairn.restaurant.delivery.domain.CourierCommand.SetCourierAvailability;
import dev.cairn.restaurant.delivery.domain.DeliveryCommand.CompleteDelivery;
import dev.cairn.restaurant.delivery.domain.DeliveryCommand.PickUpDelivery;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.AcceptTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.MarkReadyForPickup;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.RejectTicket;
import dev.cairn.restaurant.kitchen.domain.TicketCommand.StartPreparation;
import dev.cairn.restaurant.orderhistory.domain.DeliveryState;
import dev.cairn.restaurant.orderhistory.domain.OrderHistory;
import dev.cairn.restaurant.orderhistory.domain.OrderReason;
import dev.cairn.restaurant.orderhistory.domain.OrderState;
import dev.cairn.restaurant.orderhistory.domain.OrderView;
import dev.cairn.restaurant.orderhistory.domain.OrdersOfConsumer;
import dev.cairn.restaurant.orderhistory.domain.PaymentState;
import dev.cairn.restaurant.orderhistory.domain.TicketState;
import dev.cairn.restaurant.ordering.domain.OrderCommand.CancelOrder;
import dev.cairn.restaurant.ordering.domain.OrderCommand.PlaceOrder;
import dev.cairn.restaurant.ordering.domain.OrderDecider;
import dev.cairn.restaurant.ordering.domain.RequestedItem;
import dev.cairn.restaurant.restaurants.domain.RestaurantCommand.RegisterRestaurant;
import dev.cairn.restaurant.restaurants.domain.RestaurantCommand.ReviseMenu;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every flow of restaurant.md, end to end through the pure domains: commands from "outside" (as
 * HTTP would send them), events fed to every context's reactions, process managers and replicas
 * until nothing moves, then the order's view as order-history shows it. Each flow runs with three
 * deliveries of the log (see {@link Delivery}) and must end the same.
 */
class ChoreographyTest {

    private static final Instant NOW = InMemoryRestaurant.T0;
    private static final Menu MENU =
            new Menu(List.of(new MenuItem("m1", "Tomato Soup", 450), new MenuItem("m2", "Bread", 200)));

    private InMemoryRestaurant system;

    private void open(Delivery delivery) {
        system = new InMemoryRestaurant(delivery);
        system.send(new RegisterConsumer("c1", "Ada"));
        system.send(new RegisterRestaurant("r1", "Chez Ada", MENU));
        system.settle();
    }

    /** Kim (k1) is the one courier, free to take a delivery. */
    private void openWithCourier(Delivery delivery) {
        open(delivery);
        command(new RegisterCourier("k1", "Kim"));
    }

    /** As the host builds it: the menu comes from ordering's replica. */
    private PlaceOrder order(
            String orderId, String consumerId, String restaurantId, String paymentToken, RequestedItem... items) {
        return new PlaceOrder(
                orderId,
                consumerId,
                restaurantId,
                List.of(items),
                "1 Main St",
                paymentToken,
                system.menus.find(restaurantId));
    }

    /** Ada's usual order at r1: two soups and a bread. */
    private void place(String orderId, String consumerId, String paymentToken) {
        command(order(orderId, consumerId, "r1", paymentToken, new RequestedItem("m1", 2), new RequestedItem("m2", 1)));
    }

    private void approvedOrder(String orderId) {
        place(orderId, "c1", "tok_visa");
        assertThat(view(orderId).state()).isEqualTo(OrderState.APPROVED);
    }

    private void command(Object command) {
        system.send(command);
        system.settle();
    }

    private void accept(String orderId) {
        command(new AcceptTicket(orderId, NOW, NOW.plusSeconds(1200)));
    }

    private void cancel(String orderId) {
        command(new CancelOrder(orderId, system.preparation.preparationStarted(orderId)));
    }

    private void pickUp(String orderId) {
        command(new PickUpDelivery(orderId, system.readyForPickup.readyForPickup(orderId)));
    }

    private OrderView view(String orderId) {
        return system.history.find(orderId).orElseThrow();
    }

    private void assertView(String orderId, Progress expected) {
        assertThat(Progress.of(view(orderId))).isEqualTo(expected);
        assertThat(system.refusedReactions).as("commands refused along the way").isEmpty();
    }

    private static void assertRefused(ThrowingCallable sending, String reason) {
        assertThatThrownBy(sending)
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.reason()).isEqualTo(reason));
    }

    private static void assertRefused(ThrowingCallable sending, Rejection.Kind kind) {
        assertThatThrownBy(sending)
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.kind()).isEqualTo(kind));
    }

    /** Where an order stands in every context, as its view shows it. */
    record Progress(
            OrderState state,
            OrderReason reason,
            TicketState ticket,
            PaymentState payment,
            DeliveryState delivery,
            String courierId) {

        static Progress of(OrderView view) {
            return new Progress(
                    view.state(),
                    view.reason(),
                    view.ticketState(),
                    view.paymentState(),
                    view.deliveryState(),
                    view.courierId());
        }

        /** Approved and paid for (authorized), on its way through the kitchen and delivery. */
        static Progress approved(TicketState ticket, DeliveryState delivery, String courierId) {
            return new Progress(OrderState.APPROVED, null, ticket, PaymentState.AUTHORIZED, delivery, courierId);
        }

        /** Rejected before approval: the ticket is rejected too. */
        static Progress rejected(OrderReason reason, PaymentState payment) {
            return new Progress(OrderState.REJECTED, reason, TicketState.REJECTED, payment, null, null);
        }

        /** Cancelled after approval: the payment is reversed. */
        static Progress cancelled(OrderReason reason, TicketState ticket, DeliveryState delivery, String courierId) {
            return new Progress(OrderState.CANCELLED, reason, ticket, PaymentState.REVERSED, delivery, courierId);
        }
    }

    /** An order rejected before approval: what happened first, who orders with which token, how it ends. */
    record RefusedAtCreation(
            String why, List<Object> before, String consumerId, String paymentToken, Progress expected) {
        @Override
        public String toString() {
            return why;
        }
    }

    static Stream<Arguments> refusedAtCreation() {
        List<RefusedAtCreation> cases = List.of(
                new RefusedAtCreation(
                        "an unknown consumer charges nothing",
                        List.of(),
                        "c9",
                        "tok_visa",
                        rejected(OrderReason.CONSUMER_UNKNOWN, null)),
                new RefusedAtCreation(
                        "an inactive consumer is rejected as inactive",
                        List.of(new DeactivateConsumer("c1")),
                        "c1",
                        "tok_visa",
                        rejected(OrderReason.CONSUMER_INACTIVE, null)),
                new RefusedAtCreation(
                        "a declined payment",
                        List.of(),
                        "c1",
                        "tok_declined",
                        rejected(OrderReason.PAYMENT_DECLINED, PaymentState.DECLINED)));
        return Arrays.stream(Delivery.values())
                .flatMap(delivery -> cases.stream().map(refused -> Arguments.of(delivery, refused)));
    }

    @Nested
    class Creating_an_order {

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void ends_approved_with_the_ticket_awaiting_acceptance(Delivery delivery) {
            open(delivery);
            place("o1", "c1", "tok_visa");

            assertView("o1", approved(TicketState.AWAITING_ACCEPTANCE, null, null));
            OrderView view = view("o1");
            assertThat(view.totalCents()).isEqualTo(1100);
            assertThat(view.restaurantName()).isEqualTo("Chez Ada");
            assertThat(view.items()).extracting(OrderView.Item::name).containsExactly("Tomato Soup", "Bread");
        }

        @ParameterizedTest(name = "{1}, {0}")
        @MethodSource("dev.cairn.restaurant.choreography.ChoreographyTest#refusedAtCreation")
        void a_consumer_who_may_not_order_or_a_declined_payment_rejects_the_order_and_the_ticket(
                Delivery delivery, RefusedAtCreation refused) {
            open(delivery);
            refused.before().forEach(ChoreographyTest.this::command);
            place("o1", refused.consumerId(), refused.paymentToken());

            assertView("o1", refused.expected());
        }

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void an_unknown_restaurant_or_menu_item_is_refused_and_appends_nothing(Delivery delivery) {
            open(delivery);
            int before = system.log().size();

            assertRefused(
                    () -> system.send(order("o1", "c1", "r9", "tok_visa", new RequestedItem("m1", 1))),
                    Rejection.Kind.UNKNOWN_REFERENCE);
            assertRefused(
                    () -> system.send(order("o1", "c1", "r1", "tok_visa", new RequestedItem("m7", 1))),
                    "MENU_ITEM_UNAVAILABLE");
            assertThat(system.log()).hasSize(before);
        }

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void a_revised_menu_prices_the_next_order_and_refuses_what_is_unavailable(Delivery delivery) {
            open(delivery);
            command(new ReviseMenu(
                    "r1",
                    new Menu(
                            List.of(new MenuItem("m1", "Tomato Soup", 500), new MenuItem("m2", "Bread", 200, false)))));

            assertRefused(
                    () -> system.send(order("o1", "c1", "r1", "tok_visa", new RequestedItem("m2", 1))),
                    "MENU_ITEM_UNAVAILABLE");
            command(order("o2", "c1", "r1", "tok_visa", new RequestedItem("m1", 2)));

            assertThat(view("o2").totalCents()).isEqualTo(1000);
        }
    }

    @Nested
    class After_approval {

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void the_order_is_prepared_picked_up_and_delivered(Delivery delivery) {
            openWithCourier(delivery);
            approvedOrder("o1");

            accept("o1");
            assertView("o1", approved(TicketState.ACCEPTED, DeliveryState.SCHEDULED, "k1"));
            command(new StartPreparation("o1"));
            command(new MarkReadyForPickup("o1"));
            pickUp("o1");
            assertView("o1", approved(TicketState.PICKED_UP, DeliveryState.PICKED_UP, "k1"));
            command(new CompleteDelivery("o1"));

            assertView(
                    "o1",
                    new Progress(
                            OrderState.COMPLETED,
                            null,
                            TicketState.PICKED_UP,
                            PaymentState.CAPTURED,
                            DeliveryState.DELIVERED,
                            "k1"));
        }

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void pickup_before_the_food_is_ready_is_refused(Delivery delivery) {
            openWithCourier(delivery);
            approvedOrder("o1");
            accept("o1");
            command(new StartPreparation("o1"));

            assertRefused(() -> pickUp("o1"), "TICKET_NOT_READY");
            assertRefused(() -> command(new MarkReadyForPickup("o2")), Rejection.Kind.NOT_FOUND);
        }

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void without_a_courier_the_delivery_waits_until_one_is_registered(Delivery delivery) {
            open(delivery);
            approvedOrder("o1");
            accept("o1");
            assertView("o1", approved(TicketState.ACCEPTED, DeliveryState.PENDING, null));

            command(new RegisterCourier("k1", "Kim"));

            assertView("o1", approved(TicketState.ACCEPTED, DeliveryState.SCHEDULED, "k1"));
        }

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void a_courier_carries_one_delivery_at_a_time(Delivery delivery) {
            openWithCourier(delivery);
            approvedOrder("o1");
            approvedOrder("o2");
            accept("o1");
            accept("o2");
            assertThat(view("o2").deliveryState()).isEqualTo(DeliveryState.PENDING);

            command(new StartPreparation("o1"));
            command(new MarkReadyForPickup("o1"));
            pickUp("o1");
            command(new CompleteDelivery("o1"));

            assertView("o2", approved(TicketState.ACCEPTED, DeliveryState.SCHEDULED, "k1"));
        }

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void an_unavailable_courier_gets_the_delivery_once_available_again(Delivery delivery) {
            openWithCourier(delivery);
            command(new SetCourierAvailability("k1", false));
            approvedOrder("o1");
            accept("o1");
            assertThat(view("o1").deliveryState()).isEqualTo(DeliveryState.PENDING);

            command(new SetCourierAvailability("k1", true));

            assertView("o1", approved(TicketState.ACCEPTED, DeliveryState.SCHEDULED, "k1"));
        }

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void a_kitchen_rejection_reverses_the_payment_and_cancels_the_order(Delivery delivery) {
            open(delivery);
            approvedOrder("o1");

            command(new RejectTicket("o1", "out of soup"));

            assertView("o1", cancelled(OrderReason.RESTAURANT_REJECTED, TicketState.REJECTED, null, null));
        }

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void accepting_a_rejected_ticket_is_not_allowed(Delivery delivery) {
            open(delivery);
            approvedOrder("o1");
            command(new RejectTicket("o1", "out of soup"));

            assertRefused(() -> accept("o1"), Rejection.Kind.NOT_ALLOWED);
        }
    }

    @Nested
    class Cancelling_an_order {

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void before_acceptance_cancels_the_ticket_and_reverses_the_payment(Delivery delivery) {
            open(delivery);
            approvedOrder("o1");

            cancel("o1");

            assertView("o1", cancelled(OrderReason.CANCELLED_BY_CONSUMER, TicketState.CANCELLED, null, null));
        }

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void after_acceptance_also_cancels_the_delivery_and_frees_the_courier(Delivery delivery) {
            openWithCourier(delivery);
            approvedOrder("o1");
            accept("o1");

            cancel("o1");

            assertView(
                    "o1",
                    cancelled(OrderReason.CANCELLED_BY_CONSUMER, TicketState.CANCELLED, DeliveryState.CANCELLED, "k1"));
            approvedOrder("o2");
            accept("o2");
            assertThat(view("o2").courierId()).isEqualTo("k1");
        }

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void once_preparing_is_refused_at_once(Delivery delivery) {
            open(delivery);
            approvedOrder("o1");
            accept("o1");
            command(new StartPreparation("o1"));
            int before = system.log().size();

            assertRefused(() -> cancel("o1"), OrderDecider.NOT_CANCELLABLE);
            assertThat(system.log()).hasSize(before);
            assertView("o1", approved(TicketState.PREPARING, DeliveryState.PENDING, null));
        }

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void racing_the_kitchen_is_refused_by_the_kitchen_and_the_order_stands(Delivery delivery) {
            open(delivery);
            approvedOrder("o1");
            accept("o1");
            // The kitchen starts; ordering's replica has not seen it yet when the consumer cancels.
            system.send(new StartPreparation("o1"));
            system.send(new CancelOrder("o1", system.preparation.preparationStarted("o1")));
            system.settle();

            assertView("o1", approved(TicketState.PREPARING, DeliveryState.PENDING, null));
            assertThat(system.log()).hasAtLeastOneElementOfType(OrderCancellationRefused.class);
        }
    }

    @Nested
    class The_order_history {

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void rebuilt_from_the_log_equals_the_live_view_even_replayed_twice(Delivery delivery) {
            openWithCourier(delivery);
            approvedOrder("o1");
            place("o2", "c1", "tok_declined");
            approvedOrder("o3");
            accept("o3");
            cancel("o1");

            OrderHistory rebuilt = new OrderHistory();
            system.replayInto(rebuilt);
            system.replayInto(rebuilt);

            for (String orderId : List.of("o1", "o2", "o3")) {
                assertThat(rebuilt.find(orderId)).isEqualTo(system.history.find(orderId));
            }
            OrdersOfConsumer all = OrdersOfConsumer.parse("c1", null, null, null, null);
            assertThat(rebuilt.find(all)).isEqualTo(system.history.find(all));
            assertThat(system.history.find(all).orders())
                    .extracting(OrderView::orderId)
                    .containsExactly("o3", "o2", "o1");
        }
    }
}
