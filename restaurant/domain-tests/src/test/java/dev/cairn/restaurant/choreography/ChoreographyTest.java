package dev.cairn.restaurant.choreography;

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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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

    /** As the host builds it: the menu comes from ordering's replica. */
    private void place(String orderId, String consumerId, String paymentToken) {
        system.send(new PlaceOrder(
                orderId,
                consumerId,
                "r1",
                List.of(new RequestedItem("m1", 2), new RequestedItem("m2", 1)),
                "1 Main St",
                paymentToken,
                system.menus.find("r1")));
        system.settle();
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

    /** state, reason, ticketState, paymentState, deliveryState, courierId */
    private void assertView(String orderId, Object... expected) {
        OrderView view = view(orderId);
        List<Object> actual = Arrays.asList(
                view.state(),
                view.reason(),
                view.ticketState(),
                view.paymentState(),
                view.deliveryState(),
                view.courierId());
        assertThat(actual).containsExactly(expected);
        assertThat(system.refusedReactions).as("commands refused along the way").isEmpty();
    }

    @Nested
    class Creating_an_order {

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void ends_approved_with_the_ticket_awaiting_acceptance(Delivery delivery) {
            open(delivery);
            place("o1", "c1", "tok_visa");

            assertView(
                    "o1",
                    OrderState.APPROVED,
                    null,
                    TicketState.AWAITING_ACCEPTANCE,
                    PaymentState.AUTHORIZED,
                    null,
                    null);
            OrderView view = view("o1");
            assertThat(view.totalCents()).isEqualTo(1100);
            assertThat(view.restaurantName()).isEqualTo("Chez Ada");
            assertThat(view.items()).extracting(OrderView.Item::name).containsExactly("Tomato Soup", "Bread");
        }

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void an_unknown_consumer_rejects_the_order_and_the_ticket_and_charges_nothing(Delivery delivery) {
            open(delivery);
            place("o1", "c9", "tok_visa");

            assertView("o1", OrderState.REJECTED, OrderReason.CONSUMER_UNKNOWN, TicketState.REJECTED, null, null, null);
        }

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void an_inactive_consumer_is_rejected_as_inactive(Delivery delivery) {
            open(delivery);
            command(new DeactivateConsumer("c1"));
            place("o1", "c1", "tok_visa");

            assertView(
                    "o1", OrderState.REJECTED, OrderReason.CONSUMER_INACTIVE, TicketState.REJECTED, null, null, null);
        }

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void a_declined_payment_rejects_the_order_and_the_ticket(Delivery delivery) {
            open(delivery);
            place("o1", "c1", "tok_declined");

            assertView(
                    "o1",
                    OrderState.REJECTED,
                    OrderReason.PAYMENT_DECLINED,
                    TicketState.REJECTED,
                    PaymentState.DECLINED,
                    null,
                    null);
        }

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void an_unknown_restaurant_or_menu_item_is_refused_and_appends_nothing(Delivery delivery) {
            open(delivery);
            int before = system.log().size();

            assertThatThrownBy(() -> system.send(new PlaceOrder(
                            "o1",
                            "c1",
                            "r9",
                            List.of(new RequestedItem("m1", 1)),
                            "1 Main St",
                            "tok_visa",
                            system.menus.find("r9"))))
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.UNKNOWN_REFERENCE));
            assertThatThrownBy(() -> system.send(new PlaceOrder(
                            "o1",
                            "c1",
                            "r1",
                            List.of(new RequestedItem("m7", 1)),
                            "1 Main St",
                            "tok_visa",
                            system.menus.find("r1"))))
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.reason()).isEqualTo("MENU_ITEM_UNAVAILABLE"));
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

            assertThatThrownBy(() -> system.send(new PlaceOrder(
                            "o1",
                            "c1",
                            "r1",
                            List.of(new RequestedItem("m2", 1)),
                            "1 Main St",
                            "tok_visa",
                            system.menus.find("r1"))))
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.reason()).isEqualTo("MENU_ITEM_UNAVAILABLE"));
            system.send(new PlaceOrder(
                    "o2",
                    "c1",
                    "r1",
                    List.of(new RequestedItem("m1", 2)),
                    "1 Main St",
                    "tok_visa",
                    system.menus.find("r1")));
            system.settle();

            assertThat(view("o2").totalCents()).isEqualTo(1000);
        }
    }

    @Nested
    class After_approval {

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void the_order_is_prepared_picked_up_and_delivered(Delivery delivery) {
            open(delivery);
            command(new RegisterCourier("k1", "Kim"));
            approvedOrder("o1");

            accept("o1");
            assertView(
                    "o1",
                    OrderState.APPROVED,
                    null,
                    TicketState.ACCEPTED,
                    PaymentState.AUTHORIZED,
                    DeliveryState.SCHEDULED,
                    "k1");
            command(new StartPreparation("o1"));
            command(new MarkReadyForPickup("o1"));
            pickUp("o1");
            assertView(
                    "o1",
                    OrderState.APPROVED,
                    null,
                    TicketState.PICKED_UP,
                    PaymentState.AUTHORIZED,
                    DeliveryState.PICKED_UP,
                    "k1");
            command(new CompleteDelivery("o1"));

            assertView(
                    "o1",
                    OrderState.COMPLETED,
                    null,
                    TicketState.PICKED_UP,
                    PaymentState.CAPTURED,
                    DeliveryState.DELIVERED,
                    "k1");
        }

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void pickup_before_the_food_is_ready_is_refused(Delivery delivery) {
            open(delivery);
            command(new RegisterCourier("k1", "Kim"));
            approvedOrder("o1");
            accept("o1");
            command(new StartPreparation("o1"));

            assertThatThrownBy(() -> pickUp("o1"))
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.reason()).isEqualTo("TICKET_NOT_READY"));
            assertThatThrownBy(() -> command(new MarkReadyForPickup("o2")))
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.NOT_FOUND));
        }

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void without_a_courier_the_delivery_waits_until_one_is_registered(Delivery delivery) {
            open(delivery);
            approvedOrder("o1");
            accept("o1");
            assertView(
                    "o1",
                    OrderState.APPROVED,
                    null,
                    TicketState.ACCEPTED,
                    PaymentState.AUTHORIZED,
                    DeliveryState.PENDING,
                    null);

            command(new RegisterCourier("k1", "Kim"));

            assertView(
                    "o1",
                    OrderState.APPROVED,
                    null,
                    TicketState.ACCEPTED,
                    PaymentState.AUTHORIZED,
                    DeliveryState.SCHEDULED,
                    "k1");
        }

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void a_courier_carries_one_delivery_at_a_time(Delivery delivery) {
            open(delivery);
            command(new RegisterCourier("k1", "Kim"));
            approvedOrder("o1");
            approvedOrder("o2");
            accept("o1");
            accept("o2");
            assertThat(view("o2").deliveryState()).isEqualTo(DeliveryState.PENDING);

            command(new StartPreparation("o1"));
            command(new MarkReadyForPickup("o1"));
            pickUp("o1");
            command(new CompleteDelivery("o1"));

            assertView(
                    "o2",
                    OrderState.APPROVED,
                    null,
                    TicketState.ACCEPTED,
                    PaymentState.AUTHORIZED,
                    DeliveryState.SCHEDULED,
                    "k1");
        }

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void an_unavailable_courier_gets_the_delivery_once_available_again(Delivery delivery) {
            open(delivery);
            command(new RegisterCourier("k1", "Kim"));
            command(new SetCourierAvailability("k1", false));
            approvedOrder("o1");
            accept("o1");
            assertThat(view("o1").deliveryState()).isEqualTo(DeliveryState.PENDING);

            command(new SetCourierAvailability("k1", true));

            assertView(
                    "o1",
                    OrderState.APPROVED,
                    null,
                    TicketState.ACCEPTED,
                    PaymentState.AUTHORIZED,
                    DeliveryState.SCHEDULED,
                    "k1");
        }

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void a_kitchen_rejection_reverses_the_payment_and_cancels_the_order(Delivery delivery) {
            open(delivery);
            approvedOrder("o1");

            command(new RejectTicket("o1", "out of soup"));

            assertView(
                    "o1",
                    OrderState.CANCELLED,
                    OrderReason.RESTAURANT_REJECTED,
                    TicketState.REJECTED,
                    PaymentState.REVERSED,
                    null,
                    null);
        }

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void accepting_a_rejected_ticket_is_not_allowed(Delivery delivery) {
            open(delivery);
            approvedOrder("o1");
            command(new RejectTicket("o1", "out of soup"));

            assertThatThrownBy(() -> accept("o1"))
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.NOT_ALLOWED));
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

            assertView(
                    "o1",
                    OrderState.CANCELLED,
                    OrderReason.CANCELLED_BY_CONSUMER,
                    TicketState.CANCELLED,
                    PaymentState.REVERSED,
                    null,
                    null);
        }

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void after_acceptance_also_cancels_the_delivery_and_frees_the_courier(Delivery delivery) {
            open(delivery);
            command(new RegisterCourier("k1", "Kim"));
            approvedOrder("o1");
            accept("o1");

            cancel("o1");

            assertView(
                    "o1",
                    OrderState.CANCELLED,
                    OrderReason.CANCELLED_BY_CONSUMER,
                    TicketState.CANCELLED,
                    PaymentState.REVERSED,
                    DeliveryState.CANCELLED,
                    "k1");
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

            assertThatThrownBy(() -> cancel("o1"))
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.reason()).isEqualTo(OrderDecider.NOT_CANCELLABLE));
            assertThat(system.log()).hasSize(before);
            assertView(
                    "o1",
                    OrderState.APPROVED,
                    null,
                    TicketState.PREPARING,
                    PaymentState.AUTHORIZED,
                    DeliveryState.PENDING,
                    null);
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

            assertView(
                    "o1",
                    OrderState.APPROVED,
                    null,
                    TicketState.PREPARING,
                    PaymentState.AUTHORIZED,
                    DeliveryState.PENDING,
                    null);
            assertThat(system.log()).hasAtLeastOneElementOfType(OrderCancellationRefused.class);
        }
    }

    @Nested
    class The_order_history {

        @ParameterizedTest
        @EnumSource(Delivery.class)
        void rebuilt_from_the_log_equals_the_live_view_even_replayed_twice(Delivery delivery) {
            open(delivery);
            command(new RegisterCourier("k1", "Kim"));
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
