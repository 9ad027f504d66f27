package dev.cairn.restaurant.ordering.domain;

import static dev.cairn.core.model.Rejection.Kind.INVALID;
import static dev.cairn.core.model.Rejection.Kind.NOT_ALLOWED;
import static dev.cairn.core.model.Rejection.Kind.NOT_FOUND;
import static dev.cairn.core.model.Rejection.Kind.UNKNOWN_REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.model.Rejection;
import dev.cairn.restaurant.contracts.CancellationReason;
import dev.cairn.restaurant.contracts.Menu;
import dev.cairn.restaurant.contracts.MenuItem;
import dev.cairn.restaurant.contracts.OrderEvent;
import dev.cairn.restaurant.contracts.OrderEvent.OrderApproved;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCancellationRefused;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCancellationRequested;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCancelled;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.OrderEvent.OrderRejected;
import dev.cairn.restaurant.contracts.OrderLine;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.ordering.domain.OrderCommand.ApproveOrder;
import dev.cairn.restaurant.ordering.domain.OrderCommand.CancelOrder;
import dev.cairn.restaurant.ordering.domain.OrderCommand.CompleteCancellation;
import dev.cairn.restaurant.ordering.domain.OrderCommand.PlaceOrder;
import dev.cairn.restaurant.ordering.domain.OrderCommand.RefuseCancellation;
import dev.cairn.restaurant.ordering.domain.OrderCommand.RejectOrder;
import dev.cairn.testing.DeciderFixture;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrderDeciderTest {

    static final KnownRestaurant RESTAURANT = new KnownRestaurant(
            "r1", "Chez Ada", new Menu(List.of(new MenuItem("m1", "Soup", 450), new MenuItem("m2", "Bread", 200))));
    static final OrderCreated CREATED = new OrderCreated(
            "o1",
            "c1",
            "r1",
            "Chez Ada",
            List.of(new OrderLine("m1", "Soup", 2, 450), new OrderLine("m2", "Bread", 1, 200)),
            1100,
            "1 Main St",
            "tok_visa");
    static final OrderApproved APPROVED = new OrderApproved("o1");
    static final OrderCancellationRequested CANCEL_REQUESTED = new OrderCancellationRequested("o1");

    @Nested
    class CompleteOrderCommand {

        @Test
        void completes_an_approved_order() {
            decider()
                    .given(CREATED, APPROVED)
                    .when(new OrderCommand.CompleteOrder("o1"))
                    .thenEvents(new OrderEvent.OrderCompleted("o1"));
        }

        @Test
        void completing_again_changes_nothing() {
            decider()
                    .given(CREATED, APPROVED, new OrderEvent.OrderCompleted("o1"))
                    .when(new OrderCommand.CompleteOrder("o1"))
                    .thenNothing();
        }

        @Test
        void a_completed_order_can_no_longer_be_cancelled() {
            decider()
                    .given(CREATED, APPROVED, new OrderEvent.OrderCompleted("o1"))
                    .when(new CancelOrder("o1", true))
                    .thenRejected(NOT_ALLOWED, "ORDER_NOT_CANCELLABLE");
        }
    }

    private static DeciderFixture<OrderCommand, Order, OrderEvent> decider() {
        return DeciderFixture.of(new OrderDecider());
    }

    /** Decides the command after the given events: exactly the one event, and the order's status after it. */
    private static void assertDecides(
            List<OrderEvent> given, OrderCommand command, OrderEvent decided, OrderStatus status) {
        Order after = decider().given(given).when(command).thenEvents(decided).state();
        assertThat(((Order.Placed) after).status()).isEqualTo(status);
    }

    static PlaceOrder place(List<RequestedItem> items) {
        return new PlaceOrder("o1", "c1", "r1", items, "1 Main St", "tok_visa", Optional.of(RESTAURANT));
    }

    /** Order o1 of one soup, with the other fields as the case needs them. */
    static PlaceOrder placeOneSoup(
            String consumerId,
            String restaurantId,
            String deliveryAddress,
            String paymentToken,
            Optional<KnownRestaurant> restaurant) {
        return new PlaceOrder(
                "o1",
                consumerId,
                restaurantId,
                List.of(new RequestedItem("m1", 1)),
                deliveryAddress,
                paymentToken,
                restaurant);
    }

    static PlaceOrder placeSoupAndBread() {
        return place(List.of(new RequestedItem("m1", 2), new RequestedItem("m2", 1)));
    }

    static void assertInvalid(Runnable construction, String field) {
        assertThatThrownBy(construction::run)
                .isInstanceOfSatisfying(
                        Rejection.class,
                        rejection -> assertThat(rejection.kind()).isEqualTo(INVALID))
                .hasMessageStartingWith(field);
    }

    @Nested
    class PlaceOrderCommand {

        @Test
        void prices_the_items_against_the_menu_and_creates_the_order_awaiting_approval() {
            Order after =
                    decider().when(placeSoupAndBread()).thenEvents(CREATED).state();

            assertThat(after).isEqualTo(new Order.Placed(CREATED, OrderStatus.APPROVAL_PENDING, Optional.empty()));
        }

        @Test
        void keeps_a_repeated_menu_item_as_separate_lines() {
            OrderCreated created = (OrderCreated) new OrderDecider()
                    .decide(
                            place(List.of(new RequestedItem("m1", 1), new RequestedItem("m1", 2))),
                            new Order.NotPlaced())
                    .getFirst();

            assertThat(created.lines()).extracting(OrderLine::quantity).containsExactly(1, 2);
            assertThat(created.totalCents()).isEqualTo(1350);
        }

        @Test
        void rejects_an_unknown_restaurant_as_an_unknown_reference() {
            decider()
                    .when(placeOneSoup("c1", "r9", "1 Main St", "tok_visa", Optional.empty()))
                    .thenRejected(UNKNOWN_REFERENCE, "UNKNOWN_RESTAURANT")
                    .thenMessageContains("restaurantId r9");
        }

        @Test
        void rejects_an_item_not_on_the_menu_as_unavailable() {
            decider()
                    .when(place(List.of(new RequestedItem("m1", 1), new RequestedItem("m7", 1))))
                    .thenRejected(UNKNOWN_REFERENCE, "MENU_ITEM_UNAVAILABLE")
                    .thenMessageContains("menuItemId m7");
        }

        @Test
        void rejects_an_item_the_menu_lists_as_unavailable() {
            var soldOut =
                    new KnownRestaurant("r1", "Chez Ada", new Menu(List.of(new MenuItem("m1", "Soup", 450, false))));
            decider()
                    .when(placeOneSoup("c1", "r1", "1 Main St", "tok_visa", Optional.of(soldOut)))
                    .thenRejected(UNKNOWN_REFERENCE, "MENU_ITEM_UNAVAILABLE")
                    .thenMessageContains("menuItemId m1");
        }

        @Test
        void rejects_a_quantity_outside_1_to_100() {
            assertInvalid(() -> new RequestedItem("m1", 0), "quantity");
            assertInvalid(() -> new RequestedItem("m1", 101), "quantity");
        }

        @Test
        void rejects_no_items_and_more_than_50_items() {
            assertInvalid(() -> place(List.of()), "items");
            assertInvalid(() -> place(Collections.nCopies(51, new RequestedItem("m1", 1))), "items");
            assertThat(place(Collections.nCopies(50, new RequestedItem("m1", 1)))
                            .items())
                    .hasSize(50);
        }

        @Test
        void rejects_a_blank_payment_token_and_a_blank_address() {
            assertInvalid(() -> placeOneSoup("c1", "r1", "1 Main St", " ", Optional.of(RESTAURANT)), "paymentToken");
            assertInvalid(() -> placeOneSoup("c1", "r1", "", "tok_visa", Optional.of(RESTAURANT)), "deliveryAddress");
        }

        @Test
        void rejects_a_missing_consumer() {
            assertInvalid(
                    () -> placeOneSoup(null, "r1", "1 Main St", "tok_visa", Optional.of(RESTAURANT)), "consumerId");
        }

        @Test
        void refuses_a_replica_entry_of_another_restaurant() {
            assertThatThrownBy(() -> placeOneSoup("c1", "r2", "1 Main St", "tok_visa", Optional.of(RESTAURANT)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void answers_the_same_order_placed_again_with_no_events() {
            decider().given(CREATED).when(placeSoupAndBread()).thenNothing();
        }

        @Test
        void refuses_another_order_under_an_existing_id() {
            decider()
                    .given(CREATED)
                    .when(place(List.of(new RequestedItem("m1", 5))))
                    .thenRejected(NOT_ALLOWED, "ALREADY_EXISTS");
        }
    }

    @Nested
    class ApproveOrderCommand {

        @Test
        void approves_an_order_awaiting_approval() {
            assertDecides(List.of(CREATED), new ApproveOrder("o1"), APPROVED, OrderStatus.APPROVED);
        }

        @Test
        void answers_an_approved_order_with_no_events() {
            decider().given(CREATED, APPROVED).when(new ApproveOrder("o1")).thenNothing();
            decider()
                    .given(CREATED, APPROVED, CANCEL_REQUESTED)
                    .when(new ApproveOrder("o1"))
                    .thenNothing();
        }

        @Test
        void refuses_a_rejected_order() {
            decider()
                    .given(CREATED, new OrderRejected("o1", OrderRejectionReason.PAYMENT_DECLINED))
                    .when(new ApproveOrder("o1"))
                    .thenRejected(NOT_ALLOWED, "INVALID_TRANSITION")
                    .thenMessageContains("REJECTED");
        }

        @Test
        void refuses_an_unknown_order() {
            decider()
                    .when(new ApproveOrder("o9"))
                    .thenRejected(NOT_FOUND, "ORDER_NOT_FOUND")
                    .thenMessageContains("o9");
        }
    }

    @Nested
    class RejectOrderCommand {

        @Test
        void rejects_an_order_awaiting_approval_with_the_reason() {
            assertDecides(
                    List.of(CREATED),
                    new RejectOrder("o1", OrderRejectionReason.CONSUMER_UNKNOWN),
                    new OrderRejected("o1", OrderRejectionReason.CONSUMER_UNKNOWN),
                    OrderStatus.REJECTED);
        }

        @Test
        void answers_a_rejected_order_with_no_events() {
            decider()
                    .given(CREATED, new OrderRejected("o1", OrderRejectionReason.CONSUMER_UNKNOWN))
                    .when(new RejectOrder("o1", OrderRejectionReason.CONSUMER_UNKNOWN))
                    .thenNothing();
        }

        @Test
        void refuses_an_approved_order() {
            decider()
                    .given(CREATED, APPROVED)
                    .when(new RejectOrder("o1", OrderRejectionReason.PAYMENT_DECLINED))
                    .thenRejected(NOT_ALLOWED, "INVALID_TRANSITION");
        }

        @Test
        void refuses_an_unknown_order() {
            decider()
                    .when(new RejectOrder("o9", OrderRejectionReason.PAYMENT_DECLINED))
                    .thenRejected(NOT_FOUND, "ORDER_NOT_FOUND");
        }
    }

    @Nested
    class CancelOrderCommand {

        @Test
        void requests_the_cancellation_of_an_approved_order_not_yet_in_preparation() {
            assertDecides(
                    List.of(CREATED, APPROVED),
                    new CancelOrder("o1", false),
                    CANCEL_REQUESTED,
                    OrderStatus.CANCEL_PENDING);
        }

        @Test
        void refuses_when_the_kitchen_has_started_preparing() {
            decider()
                    .given(CREATED, APPROVED)
                    .when(new CancelOrder("o1", true))
                    .thenRejected(NOT_ALLOWED, OrderDecider.NOT_CANCELLABLE)
                    .thenMessageContains("started preparing");
        }

        @Test
        void refuses_an_order_awaiting_approval_or_rejected() {
            decider()
                    .given(CREATED)
                    .when(new CancelOrder("o1", false))
                    .thenRejected(NOT_ALLOWED, OrderDecider.NOT_CANCELLABLE)
                    .thenMessageContains("APPROVAL_PENDING");
            decider()
                    .given(CREATED, new OrderRejected("o1", OrderRejectionReason.PAYMENT_DECLINED))
                    .when(new CancelOrder("o1", false))
                    .thenRejected(NOT_ALLOWED, OrderDecider.NOT_CANCELLABLE);
        }

        @Test
        void answers_a_repeated_cancellation_with_no_events() {
            decider()
                    .given(CREATED, APPROVED, CANCEL_REQUESTED)
                    .when(new CancelOrder("o1", false))
                    .thenNothing();
            decider()
                    .given(
                            CREATED,
                            APPROVED,
                            CANCEL_REQUESTED,
                            new OrderCancelled("o1", CancellationReason.CANCELLED_BY_CONSUMER))
                    .when(new CancelOrder("o1", false))
                    .thenNothing();
        }

        @Test
        void refuses_an_order_the_restaurant_rejected() {
            decider()
                    .given(CREATED, APPROVED, new OrderCancelled("o1", CancellationReason.RESTAURANT_REJECTED))
                    .when(new CancelOrder("o1", false))
                    .thenRejected(NOT_ALLOWED, OrderDecider.NOT_CANCELLABLE)
                    .thenMessageContains("already CANCELLED");
        }

        @Test
        void refuses_an_unknown_order() {
            decider().when(new CancelOrder("o9", false)).thenRejected(NOT_FOUND, "ORDER_NOT_FOUND");
        }
    }

    @Nested
    class RefuseCancellationCommand {

        @Test
        void puts_the_order_back_to_approved() {
            assertDecides(
                    List.of(CREATED, APPROVED, CANCEL_REQUESTED),
                    new RefuseCancellation("o1"),
                    new OrderCancellationRefused("o1"),
                    OrderStatus.APPROVED);
        }

        @Test
        void answers_an_approved_order_with_no_events() {
            decider()
                    .given(CREATED, APPROVED, CANCEL_REQUESTED, new OrderCancellationRefused("o1"))
                    .when(new RefuseCancellation("o1"))
                    .thenNothing();
        }

        @Test
        void refuses_a_cancelled_order() {
            decider()
                    .given(CREATED, APPROVED, new OrderCancelled("o1", CancellationReason.RESTAURANT_REJECTED))
                    .when(new RefuseCancellation("o1"))
                    .thenRejected(NOT_ALLOWED, "INVALID_TRANSITION");
        }
    }

    @Nested
    class CompleteCancellationCommand {

        @Test
        void cancels_an_order_whose_cancellation_was_requested() {
            decider()
                    .given(CREATED, APPROVED, CANCEL_REQUESTED)
                    .when(new CompleteCancellation("o1", CancellationReason.CANCELLED_BY_CONSUMER))
                    .thenEvents(new OrderCancelled("o1", CancellationReason.CANCELLED_BY_CONSUMER))
                    .thenState(new Order.Placed(
                            CREATED, OrderStatus.CANCELLED, Optional.of(CancellationReason.CANCELLED_BY_CONSUMER)));
        }

        @Test
        void cancels_an_approved_order_the_restaurant_rejected() {
            decider()
                    .given(CREATED, APPROVED)
                    .when(new CompleteCancellation("o1", CancellationReason.RESTAURANT_REJECTED))
                    .thenEvents(new OrderCancelled("o1", CancellationReason.RESTAURANT_REJECTED));
        }

        @Test
        void answers_a_cancelled_order_with_no_events() {
            decider()
                    .given(CREATED, APPROVED, new OrderCancelled("o1", CancellationReason.RESTAURANT_REJECTED))
                    .when(new CompleteCancellation("o1", CancellationReason.RESTAURANT_REJECTED))
                    .thenNothing();
        }

        @Test
        void refuses_an_order_never_approved() {
            decider()
                    .given(CREATED)
                    .when(new CompleteCancellation("o1", CancellationReason.RESTAURANT_REJECTED))
                    .thenRejected(NOT_ALLOWED, "INVALID_TRANSITION");
        }
    }

    @Test
    void every_command_goes_to_the_order_stream() {
        assertThat(List.of(placeSoupAndBread(), new ApproveOrder("o1"), new CancelOrder("o1", false)))
                .allSatisfy(command -> assertThat(command.streamId()).isEqualTo("order-o1"));
    }
}
