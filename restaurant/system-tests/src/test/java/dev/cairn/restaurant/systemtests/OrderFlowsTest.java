package dev.cairn.restaurant.systemtests;

import static dev.cairn.restaurant.systemtests.ErrorAssertions.assertRefusedAppendingNothing;
import static dev.cairn.restaurant.systemtests.support.RestaurantApi.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.restaurant.systemtests.support.OrderSteps;
import dev.cairn.restaurant.systemtests.support.OrderStream;
import dev.cairn.restaurant.systemtests.support.Reply;
import dev.cairn.restaurant.systemtests.support.RestaurantApi;
import dev.cairn.restaurant.systemtests.support.RestaurantApi.Placed;
import dev.cairn.restaurant.systemtests.support.RestaurantApi.Restaurant;
import dev.cairn.restaurant.systemtests.support.View;
import dev.cairn.restaurant.systemtests.support.View.Status;
import dev.cairn.restaurant.systemtests.support.WithFreshSystem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every flow of the contract over HTTP, each on a fresh system (couriers are shared by all orders
 * of a system, so only a fresh one makes "which courier, or none" predictable). Final views are
 * read once every processor has caught up; intermediate states come from {@code /api/stream}.
 */
class OrderFlowsTest extends WithFreshSystem {

    OrderStream stream;

    @BeforeEach
    void openStream() {
        stream = OrderStream.open(system.uri(), system.token("admin", null));
    }

    @AfterEach
    void closeStream() {
        stream.close();
    }

    /** The order's view once the whole system is quiet, after the stream has pushed that same view. */
    View settled(String orderId) {
        api.settle();
        View view = api.order(orderId);
        stream.awaitPushed(view);
        return view;
    }

    /**
     * Settles, then asserts the order's status and the states the stream pushed on the way there,
     * in order; returns the view for what else a test checks.
     */
    View assertSettlesAs(String orderId, Status status, String... states) {
        View view = settled(orderId);
        assertThat(view.status()).isEqualTo(status);
        assertThat(stream.historyOf(orderId, View::state)).containsExactly(states);
        return view;
    }

    /** Settles, then asserts the order's status. */
    void assertSettledAt(String orderId, Status status) {
        assertThat(settled(orderId).status()).isEqualTo(status);
    }

    static Status status(String state, String reason, String ticket, String payment, String delivery, String courier) {
        return new Status(state, reason, ticket, payment, delivery, courier);
    }

    /** Accepted by the kitchen; its delivery waits for a courier. */
    static final Status WAITING_FOR_A_COURIER = status("APPROVED", null, "ACCEPTED", "AUTHORIZED", "PENDING", null);

    /** Accepted by the kitchen; its delivery is scheduled with {@code courier}. */
    static Status scheduledWith(String courier) {
        return status("APPROVED", null, "ACCEPTED", "AUTHORIZED", "SCHEDULED", courier);
    }

    @Nested
    class Creating_an_order {

        @Test
        void approves_it_with_the_ticket_awaiting_acceptance_and_the_payment_authorized() {
            Placed placed = api.placeOrder(ada, pizzeria, "tok_visa", line("margherita", 2), line("tiramisu", 1));

            View view = assertSettlesAs(
                    placed.orderId(),
                    status("APPROVED", null, "AWAITING_ACCEPTANCE", "AUTHORIZED", null, null),
                    "APPROVAL_PENDING",
                    "APPROVED");
            assertThat(view.consumerId()).isEqualTo(ada);
            assertThat(view.restaurantId()).isEqualTo(pizzeria.restaurantId());
            assertThat(view.restaurantName()).isEqualTo("Pizzeria Uno");
            assertThat(view.items())
                    .containsExactly(
                            new View.Item("margherita", "Margherita", 2, 1150),
                            new View.Item("tiramisu", "Tiramisu", 1, 650));
            assertThat(view.totalCents()).isEqualTo(2 * 1150 + 650);
            assertThat(Instant.parse(view.updatedAt())).isAfterOrEqualTo(Instant.parse(view.createdAt()));
            assertThat(stream.historyOf(placed.orderId(), View::ticketState))
                    .containsExactly(null, "CREATE_PENDING", "AWAITING_ACCEPTANCE");
            assertThat(api.typesOfOrder(placed.orderId())).containsExactlyInAnyOrderElementsOf(OrderSteps.APPROVED);
        }

        @Test
        void rejects_it_as_consumer_unknown_when_no_such_consumer_exists() {
            Placed placed = api.placeOrder("no-such-consumer", pizzeria);

            assertSettlesAs(
                    placed.orderId(),
                    status("REJECTED", "CONSUMER_UNKNOWN", "REJECTED", null, null, null),
                    "APPROVAL_PENDING",
                    "REJECTED");
            assertThat(api.typesOfOrder(placed.orderId()))
                    .noneMatch(type -> type.startsWith("accounting."))
                    .contains("consumers.ConsumerVerificationFailed", "ordering.OrderRejected");
        }

        /**
         * The kitchen's reactions see OrderCreated and ConsumerVerificationFailed of one order
         * close together, from two streams: the ticket must still be created before it is rejected.
         */
        @Test
        void rejects_the_ticket_of_every_one_of_many_concurrent_orders_of_unknown_consumers() {
            List<String> orders = IntStream.range(0, 40)
                    .parallel()
                    .mapToObj(i -> api.placeOrder("stranger-" + i, pizzeria).orderId())
                    .toList();

            api.settle();

            for (String order : orders) {
                assertThat(api.order(order).status())
                        .as("order %s", order)
                        .isEqualTo(status("REJECTED", "CONSUMER_UNKNOWN", "REJECTED", null, null, null));
            }
        }

        @Test
        void rejects_it_as_payment_declined_when_the_token_is_tok_declined() {
            Placed placed = api.placeOrder(ada, pizzeria, "tok_declined");

            assertSettlesAs(
                    placed.orderId(),
                    status("REJECTED", "PAYMENT_DECLINED", "REJECTED", "DECLINED", null, null),
                    "APPROVAL_PENDING",
                    "REJECTED");
            assertThat(api.typesOfOrder(placed.orderId()))
                    .contains("accounting.PaymentDeclined")
                    .doesNotContain("accounting.PaymentAuthorized", "ordering.OrderApproved");
        }
    }

    @Nested
    class Kitchen_accepting {

        @Test
        void schedules_the_delivery_with_an_available_courier() {
            String carla = api.registerCourier("Carla");
            String order = api.approvedOrder(ada, pizzeria);

            api.accept(order).expect(202);

            View view = settled(order);
            assertThat(view.status()).isEqualTo(scheduledWith(carla));
            assertThat(stream.historyOf(order, View::deliveryState)).containsExactly(null, "PENDING", "SCHEDULED");
        }

        @Test
        void leaves_the_delivery_pending_without_couriers_until_one_registers() {
            String order = api.approvedOrder(ada, pizzeria);
            api.accept(order).expect(202);
            assertSettledAt(order, WAITING_FOR_A_COURIER);

            String carla = api.registerCourier("Carla");

            assertSettledAt(order, scheduledWith(carla));
        }

        @Test
        void leaves_the_delivery_pending_while_the_only_courier_is_unavailable_until_she_is_available_again() {
            String carla = api.registerCourier("Carla");
            api.setAvailability(carla, false).expect(202);
            String order = api.approvedOrder(ada, pizzeria);
            api.accept(order).expect(202);
            assertSettledAt(order, WAITING_FOR_A_COURIER);

            api.setAvailability(carla, true).expect(202);

            assertSettledAt(order, scheduledWith(carla));
        }

        @Test
        void gives_a_courier_one_delivery_at_a_time_and_the_next_once_she_has_delivered() {
            String carla = api.registerCourier("Carla");
            String first = api.acceptedOrder(ada, pizzeria);
            String second = api.acceptedOrder(ada, pizzeria);
            assertThat(settled(first).status().deliveryState()).isEqualTo("SCHEDULED");
            assertSettledAt(second, WAITING_FOR_A_COURIER);

            api.walkToDelivered(first);

            assertSettledAt(first, status("COMPLETED", null, "PICKED_UP", "CAPTURED", "DELIVERED", carla));
            assertSettledAt(second, scheduledWith(carla));
        }
    }

    @Nested
    class Preparing_to_delivery {

        @Test
        void takes_the_order_through_preparing_ready_pickup_and_delivered() {
            String carla = api.registerCourier("Carla");
            String order = api.acceptedOrder(ada, pizzeria);

            api.preparing(order).expect(202);
            assertSettledAt(order, status("APPROVED", null, "PREPARING", "AUTHORIZED", "SCHEDULED", carla));
            api.ready(order).expect(202);
            assertSettledAt(order, status("APPROVED", null, "READY_FOR_PICKUP", "AUTHORIZED", "SCHEDULED", carla));
            api.pickup(order).expect(202);
            assertSettledAt(order, status("APPROVED", null, "PICKED_UP", "AUTHORIZED", "PICKED_UP", carla));
            api.deliver(order).expect(202);

            assertSettledAt(order, status("COMPLETED", null, "PICKED_UP", "CAPTURED", "DELIVERED", carla));
            assertThat(stream.historyOf(order, View::ticketState))
                    .containsExactly(
                            null,
                            "CREATE_PENDING",
                            "AWAITING_ACCEPTANCE",
                            "ACCEPTED",
                            "PREPARING",
                            "READY_FOR_PICKUP",
                            "PICKED_UP");
            assertThat(stream.historyOf(order, View::deliveryState))
                    .containsExactly(null, "PENDING", "SCHEDULED", "PICKED_UP", "DELIVERED");
            assertThat(stream.historyOf(order, View::state))
                    .containsExactly("APPROVAL_PENDING", "APPROVED", "COMPLETED");
            assertThat(stream.historyOf(order, View::paymentState)).containsExactly(null, "AUTHORIZED", "CAPTURED");
        }

        @Test
        void answers_a_repeated_step_with_202_and_no_second_event() {
            api.registerCourier("Carla");
            String order = api.preparingOrder(ada, pizzeria);
            long head = api.settle();

            api.preparing(order).expect(202);

            assertThat(api.settle()).isEqualTo(head);
        }
    }

    @Nested
    class Kitchen_rejecting {

        @Test
        void reverses_the_payment_and_cancels_the_order_as_restaurant_rejected() {
            String order = api.approvedOrder(ada, pizzeria);

            api.reject(order).expect(202);

            assertSettlesAs(
                    order,
                    status("CANCELLED", "RESTAURANT_REJECTED", "REJECTED", "REVERSED", null, null),
                    "APPROVAL_PENDING",
                    "APPROVED",
                    "CANCELLED");
            assertThat(stream.historyOf(order, View::paymentState)).containsExactly(null, "AUTHORIZED", "REVERSED");
        }

        @Test
        void is_refused_once_the_ticket_is_accepted_so_no_scheduled_delivery_is_left_behind() {
            String carla = api.registerCourier("Carla");
            String order = api.acceptedOrder(ada, pizzeria);

            assertRefusedAppendingNothing(api, () -> api.reject(order), 409, "INVALID_TRANSITION", "ACCEPTED");
            assertSettledAt(order, scheduledWith(carla));
        }
    }

    @Nested
    class Consumer_cancelling {

        @Test
        void before_acceptance_cancels_the_ticket_reverses_the_payment_and_cancels_the_order() {
            String order = api.approvedOrder(ada, pizzeria);

            api.cancel(order).expect(202);

            assertSettlesAs(
                    order,
                    status("CANCELLED", "CANCELLED_BY_CONSUMER", "CANCELLED", "REVERSED", null, null),
                    "APPROVAL_PENDING",
                    "APPROVED",
                    "CANCEL_PENDING",
                    "CANCELLED");
        }

        @Test
        void after_acceptance_also_cancels_the_delivery_and_frees_its_courier_for_the_next() {
            String carla = api.registerCourier("Carla");
            String first = api.acceptedOrder(ada, pizzeria);
            String second = api.acceptedOrder(ada, pizzeria);
            assertThat(settled(second).status().deliveryState()).isEqualTo("PENDING");

            api.cancel(first).expect(202);

            assertSettlesAs(
                    first,
                    status("CANCELLED", "CANCELLED_BY_CONSUMER", "CANCELLED", "REVERSED", "CANCELLED", carla),
                    "APPROVAL_PENDING",
                    "APPROVED",
                    "CANCEL_PENDING",
                    "CANCELLED");
            assertSettledAt(second, scheduledWith(carla));
        }

        @Test
        void twice_is_accepted_both_times_and_requested_once() {
            String order = api.approvedOrder(ada, pizzeria);

            api.cancel(order).expect(202);
            api.cancel(order).expect(202);
            api.settle();
            api.cancel(order).expect(202);

            assertThat(settled(order).status().state()).isEqualTo("CANCELLED");
            assertThat(api.typesOfOrder(order))
                    .containsOnlyOnce(
                            "ordering.OrderCancellationRequested",
                            "kitchen.TicketCancelled",
                            "accounting.PaymentReversed",
                            "ordering.OrderCancelled");
        }

        @Test
        void after_preparation_started_is_refused_with_409_and_changes_nothing() {
            String carla = api.registerCourier("Carla");
            String order = api.preparingOrder(ada, pizzeria);

            assertRefusedAppendingNothing(api, () -> api.cancel(order), 409, "ORDER_NOT_CANCELLABLE", "preparing");
            assertSettledAt(order, status("APPROVED", null, "PREPARING", "AUTHORIZED", "SCHEDULED", carla));
        }

        @Test
        void of_an_order_still_awaiting_approval_is_refused_with_409() throws Exception {
            system.withProcessorStopped("accounting.authorize-payments", () -> {
                String order = api.placeOrder(ada, pizzeria).orderId();
                api.awaitOrder(order, v -> "CREATE_PENDING".equals(v.ticketState()));
                long head = api.settleExcept("accounting.authorize-payments");

                ErrorAssertions.assertError(api.cancel(order), 409, "ORDER_NOT_CANCELLABLE", "APPROVAL_PENDING");

                assertThat(api.events(head)).isEmpty();
                assertThat(api.order(order).status())
                        .isEqualTo(status("APPROVAL_PENDING", null, "CREATE_PENDING", null, null, null));
            });
        }
    }

    @Nested
    class Cancel_racing_preparation {

        /**
         * Ordering refuses a late cancellation at once when its preparation replica already knows;
         * holding that replica back reproduces, every time, the race in which it does not know yet
         * and the kitchen has to refuse.
         */
        @Test
        void sends_the_order_back_to_approved_when_the_kitchen_had_already_started_preparing() throws Exception {
            String carla = api.registerCourier("Carla");
            String order = api.acceptedOrder(ada, pizzeria);
            system.withProcessorStopped("ordering.preparation-replica", () -> {
                api.preparing(order).expect(202);
                api.cancel(order).expect(202);

                api.awaitOrder(
                        order,
                        v -> stream.historyOf(order, View::state).contains("CANCEL_PENDING")
                                && v.state().equals("APPROVED"));
            });

            assertSettlesAs(
                    order,
                    status("APPROVED", null, "PREPARING", "AUTHORIZED", "SCHEDULED", carla),
                    "APPROVAL_PENDING",
                    "APPROVED",
                    "CANCEL_PENDING",
                    "APPROVED");
            assertThat(api.typesOfOrder(order))
                    .containsOnlyOnce(
                            "ordering.OrderCancellationRequested",
                            "kitchen.TicketCancellationRefused",
                            "ordering.OrderCancellationRefused")
                    .doesNotContain("kitchen.TicketCancelled", "accounting.PaymentReversed", "ordering.OrderCancelled");
            // The replica has caught up: a new attempt is refused at once.
            ErrorAssertions.assertError(api.cancel(order), 409, "ORDER_NOT_CANCELLABLE", "preparing");
        }

        @Test
        void ends_every_concurrent_preparing_and_cancel_in_one_of_the_two_legal_outcomes() {
            api.registerCourier("Carla");
            int orders = 16;
            List<String> ids = IntStream.range(0, orders)
                    .mapToObj(i -> api.approvedOrder(ada, pizzeria))
                    .toList();
            ids.forEach(id -> api.accept(id).expect(202));
            api.settle();

            List<RaceResult> results = ids.stream().map(this::race).toList();
            api.settle();

            for (RaceResult race : results) {
                View view = api.order(race.orderId());
                List<String> types = api.typesOfOrder(race.orderId());
                if (race.preparing() == 202) {
                    // The kitchen won: the order stays approved whether the cancel was refused at once or by the
                    // kitchen.
                    assertThat(race.cancel()).as("cancel of %s", race).isIn(202, 409);
                    assertThat(view.status())
                            .as("%s", race)
                            .isEqualTo(status(
                                    "APPROVED",
                                    null,
                                    "PREPARING",
                                    "AUTHORIZED",
                                    view.deliveryState(),
                                    view.courierId()));
                    assertThat(types)
                            .as("%s", race)
                            .doesNotContain("kitchen.TicketCancelled", "ordering.OrderCancelled");
                    if (race.cancel() == 202) {
                        assertThat(types)
                                .as("%s", race)
                                .containsOnlyOnce(
                                        "ordering.OrderCancellationRequested",
                                        "kitchen.TicketCancellationRefused",
                                        "ordering.OrderCancellationRefused");
                    } else {
                        assertThat(types).as("%s", race).doesNotContain("ordering.OrderCancellationRequested");
                    }
                } else {
                    // The consumer won: the ticket was cancelled before the kitchen started.
                    assertThat(race.preparing()).as("preparing of %s", race).isEqualTo(409);
                    assertThat(race.cancel()).as("cancel of %s", race).isEqualTo(202);
                    assertThat(view.status().state()).as("%s", race).isEqualTo("CANCELLED");
                    assertThat(view.status())
                            .as("%s", race)
                            .isEqualTo(status(
                                    "CANCELLED",
                                    "CANCELLED_BY_CONSUMER",
                                    "CANCELLED",
                                    "REVERSED",
                                    "CANCELLED",
                                    view.courierId()));
                    assertThat(types)
                            .as("%s", race)
                            .containsOnlyOnce("kitchen.TicketCancelled", "ordering.OrderCancelled")
                            .doesNotContain("kitchen.TicketPreparationStarted");
                }
            }
        }

        private RaceResult race(String orderId) {
            var preparing = api.http().postAsync("/api/tickets/" + orderId + "/preparing");
            var cancel = api.http().postAsync("/api/orders/" + orderId + "/cancel");
            return new RaceResult(
                    orderId, preparing.join().status(), cancel.join().status());
        }

        record RaceResult(String orderId, int preparing, int cancel) {}
    }

    /** Where a refused step finds the order: each brings a new order of Ada's at Pizzeria Uno there. */
    interface Stage {
        String reach(RestaurantApi api, String consumerId, Restaurant restaurant);
    }

    /** The request the order's state does not allow. */
    interface Step {
        Reply take(RestaurantApi api, String orderId);
    }

    /** A step refused with 409 {@code code}; {@code withCourier}: a courier registers before the order is placed. */
    record Refused(String name, boolean withCourier, Stage stage, Step step, String code, String message) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Refused refused(String name, Stage stage, Step step, String code, String message) {
        return new Refused(name, false, stage, step, code, message);
    }

    static Refused refusedWithCourier(String name, Stage stage, Step step, String code, String message) {
        return new Refused(name, true, stage, step, code, message);
    }

    static Stream<Refused> refusedSteps() {
        Step acceptWithAnotherReadyBy = (api, order) ->
                api.http().post("/api/tickets/" + order + "/accept", Map.of("readyBy", "2031-01-01T12:00:00Z"));
        return Stream.of(
                refused(
                        "ready_before_preparing",
                        RestaurantApi::acceptedOrder,
                        RestaurantApi::ready,
                        "INVALID_TRANSITION",
                        "ACCEPTED"),
                refused(
                        "preparing_before_acceptance",
                        RestaurantApi::approvedOrder,
                        RestaurantApi::preparing,
                        "INVALID_TRANSITION",
                        "AWAITING_ACCEPTANCE"),
                refused(
                        "accepting_a_rejected_ticket",
                        RestaurantApi::kitchenRejectedOrder,
                        RestaurantApi::accept,
                        "INVALID_TRANSITION",
                        "REJECTED"),
                refused(
                        "accepting_the_ticket_of_an_order_rejected_for_payment",
                        RestaurantApi::declinedOrder,
                        RestaurantApi::accept,
                        "INVALID_TRANSITION",
                        "REJECTED"),
                refused(
                        "accepting_again_with_another_ready_by",
                        RestaurantApi::acceptedOrder,
                        acceptWithAnotherReadyBy,
                        "INVALID_TRANSITION",
                        "already accepted"),
                refusedWithCourier(
                        "pickup_before_ready",
                        RestaurantApi::preparingOrder,
                        RestaurantApi::pickup,
                        "TICKET_NOT_READY",
                        "ready for pickup"),
                refused(
                        "pickup_while_no_courier_is_scheduled",
                        RestaurantApi::readyOrder,
                        RestaurantApi::pickup,
                        "INVALID_TRANSITION",
                        "PENDING"),
                refusedWithCourier(
                        "deliver_before_pickup",
                        RestaurantApi::readyOrder,
                        RestaurantApi::deliver,
                        "INVALID_TRANSITION",
                        "SCHEDULED"),
                refused(
                        "rejecting_a_cancelled_ticket",
                        RestaurantApi::cancelledOrder,
                        RestaurantApi::reject,
                        "INVALID_TRANSITION",
                        "CANCELLED"),
                refused(
                        "cancelling_a_rejected_order",
                        RestaurantApi::declinedOrder,
                        RestaurantApi::cancel,
                        "ORDER_NOT_CANCELLABLE",
                        "REJECTED"),
                refused(
                        "cancelling_an_order_the_restaurant_rejected",
                        RestaurantApi::kitchenRejectedOrder,
                        RestaurantApi::cancel,
                        "ORDER_NOT_CANCELLABLE",
                        "CANCELLED"));
    }

    @Nested
    class Invalid_transitions {

        @ParameterizedTest(name = "{0} is 409")
        @MethodSource("dev.cairn.restaurant.systemtests.OrderFlowsTest#refusedSteps")
        void are_refused_with_409_and_append_nothing(Refused refused) {
            if (refused.withCourier()) {
                api.registerCourier("Carla");
            }
            String order = refused.stage().reach(api, ada, pizzeria);

            assertRefusedAppendingNothing(
                    api, () -> refused.step().take(api, order), 409, refused.code(), refused.message());
        }

        @Test
        void picking_up_a_delivered_order_again_is_409_and_delivering_it_again_changes_nothing() {
            api.registerCourier("Carla");
            String order = api.acceptedOrder(ada, pizzeria);
            api.walkToDelivered(order);

            assertRefusedAppendingNothing(api, () -> api.pickup(order), 409, "INVALID_TRANSITION", "DELIVERED");
            long head = api.settle();
            api.deliver(order).expect(202);
            assertThat(api.settle()).isEqualTo(head);
        }

        @Test
        void pickup_and_deliver_of_a_delivery_that_was_never_requested_are_404() {
            String order = api.approvedOrder(ada, pizzeria);

            assertRefusedAppendingNothing(api, () -> api.pickup(order), 404, "DELIVERY_NOT_FOUND", order);
            assertRefusedAppendingNothing(api, () -> api.deliver(order), 404, "DELIVERY_NOT_FOUND", order);
        }
    }
}
