package dev.cairn.restaurant.orderhistory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.model.Rejection;
import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerified;
import dev.cairn.restaurant.contracts.OrderEvent.OrderApproved;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.OrderLine;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCancellationRefused;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCreated;
import dev.cairn.testing.SyntheticLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrderHistoryTest {

    private final List<OrderView> changes = new ArrayList<>();
    private final OrderHistory history = new OrderHistory(changes::add);
    private final SyntheticLog<PublishedEvent> log = SyntheticLog.create();
    private final List<Envelope<PublishedEvent>> recorded = new ArrayList<>();

    /** Appends the event to the log and applies it, as the view's processor would. */
    private Envelope<PublishedEvent> record(PublishedEvent event) {
        Envelope<PublishedEvent> envelope = log.append(event);
        recorded.add(envelope);
        history.apply(envelope);
        return envelope;
    }

    private static OrderCreated order(String orderId, String consumerId, String restaurantName, String itemName) {
        return new OrderCreated(
                orderId,
                consumerId,
                "r1",
                restaurantName,
                List.of(new OrderLine("m1", itemName, 1, 500)),
                500,
                "1 Main St",
                "tok_visa");
    }

    private static List<String> ids(OrderPage page) {
        return page.orders().stream().map(OrderView::orderId).toList();
    }

    private OrderPage query(String consumerId, String state, String q, String limit, String cursor) {
        return history.find(OrdersOfConsumer.parse(consumerId, state, q, limit, cursor));
    }

    @Nested
    class Finding_one_order {

        @Test
        void finds_an_order_by_id_once_created() {
            record(order("o1", "c1", "Chez Ada", "Soup"));
            record(new OrderApproved("o1"));

            assertThat(history.find("o1")).map(OrderView::state).contains(OrderState.APPROVED);
            assertThat(history.find("o2")).isEmpty();
            assertThat(history.position()).isEqualTo(2);
        }

        @Test
        void reports_each_visible_change_once() {
            record(order("o1", "c1", "Chez Ada", "Soup"));
            Envelope<PublishedEvent> ticketCreated =
                    record(new TicketCreated("o1", "r1", List.of(new OrderLine("m1", "Soup", 1, 500))));
            record(new TicketCancellationRefused("o1"));
            record(new ConsumerVerified("c1", "o1"));
            history.apply(ticketCreated);

            assertThat(changes).extracting(OrderView::ticketState).containsExactly(null, TicketState.CREATE_PENDING);
        }

        @Test
        void restores_from_its_rows_and_replaying_after_the_position_ends_as_if_it_never_stopped() {
            record(order("o1", "c1", "Chez Ada", "Soup"));
            record(order("o2", "c2", "Chez Ada", "Bread"));
            record(new OrderApproved("o1"));
            long saved = history.position();
            List<OrderViewRow> rows = history.rows();
            record(new OrderApproved("o2"));
            record(order("o3", "c1", "Bistro", "Soup"));

            List<OrderView> restoredChanges = new ArrayList<>();
            OrderHistory restored = new OrderHistory(restoredChanges::add);
            restored.restore(rows, saved);
            assertThat(restored.position()).isEqualTo(saved);
            assertThat(restored.find("o1")).isEqualTo(history.find("o1"));
            assertThat(restoredChanges).as("a restore tells no listener").isEmpty();
            recorded.subList((int) saved - 1, recorded.size()).forEach(restored::apply);

            for (String id : List.of("o1", "o2", "o3")) {
                assertThat(restored.find(id)).as(id).isEqualTo(history.find(id));
            }
            assertThat(ids(restored.find(OrdersOfConsumer.parse("c1", null, null, null, null))))
                    .containsExactly("o3", "o1");
            assertThat(ids(restored.find(OrdersOfConsumer.parse(null, null, null, null, null))))
                    .containsExactly("o3", "o2", "o1");
            assertThat(restored.rows()).containsExactlyInAnyOrderElementsOf(history.rows());
        }

        @Test
        void forgets_everything_on_reset_and_rebuilds_the_same() {
            record(order("o1", "c1", "Chez Ada", "Soup"));
            record(new OrderApproved("o1"));
            Optional<OrderView> before = history.find("o1");
            history.reset();
            assertThat(history.find("o1")).isEmpty();
            assertThat(history.position()).isZero();

            recorded.forEach(history::apply);
            assertThat(history.find("o1")).isEqualTo(before);
        }

        @Test
        void is_triggered_by_the_order_ticket_payment_and_delivery_events_only() {
            assertThat(history.triggerTypeNames())
                    .contains("ordering.OrderCreated", "delivery.DeliveryScheduled")
                    .doesNotContain("consumers.ConsumerVerified", "delivery.CourierRegistered");
        }
    }

    @Nested
    class Listing_a_consumer_s_orders {

        @Test
        void lists_only_the_consumer_s_orders_newest_first() {
            record(order("o1", "c1", "Chez Ada", "Soup"));
            record(order("o2", "c2", "Chez Ada", "Soup"));
            record(order("o3", "c1", "Pho 99", "Pho"));

            assertThat(ids(query("c1", null, null, null, null))).containsExactly("o3", "o1");
            assertThat(ids(query("c9", null, null, null, null))).isEmpty();
            assertThat(ids(query(null, null, null, null, null))).containsExactly("o3", "o2", "o1");
        }

        @Test
        void filters_by_state() {
            record(order("o1", "c1", "Chez Ada", "Soup"));
            record(order("o2", "c1", "Chez Ada", "Soup"));
            record(new OrderApproved("o1"));

            assertThat(ids(query("c1", "APPROVED", null, null, null))).containsExactly("o1");
            assertThat(ids(query("c1", "APPROVAL_PENDING", null, null, null))).containsExactly("o2");
        }

        @Test
        void filters_by_a_keyword_in_the_restaurant_or_an_item_name_ignoring_case() {
            record(order("o1", "c1", "Chez Ada", "Soup"));
            record(order("o2", "c1", "Pho 99", "Beef Pho"));
            record(order("o3", "c1", "Burger Barn", "Fries"));

            assertThat(ids(query("c1", null, "pho", null, null))).containsExactly("o2");
            assertThat(ids(query("c1", null, "CHEZ", null, null))).containsExactly("o1");
            assertThat(ids(query("c1", null, " soup ", null, null))).containsExactly("o1");
            assertThat(ids(query("c1", null, "sushi", null, null))).isEmpty();
        }

        @Test
        void pages_through_every_match_with_cursors() {
            for (int i = 1; i <= 5; i++) {
                record(order("o" + i, "c1", "Chez Ada", i % 2 == 0 ? "Soup" : "Bread"));
            }

            OrderPage first = query("c1", null, null, "2", null);
            OrderPage second = query("c1", null, null, "2", first.nextCursor());
            OrderPage third = query("c1", null, null, "2", second.nextCursor());

            assertThat(ids(first)).containsExactly("o5", "o4");
            assertThat(ids(second)).containsExactly("o3", "o2");
            assertThat(ids(third)).containsExactly("o1");
            assertThat(third.nextCursor()).isNull();
        }

        @Test
        void gives_no_cursor_when_the_page_holds_the_last_match() {
            record(order("o1", "c1", "Chez Ada", "Soup"));
            record(order("o2", "c1", "Chez Ada", "Bread"));
            record(order("o3", "c1", "Chez Ada", "Soup"));

            OrderPage page = query("c1", null, "soup", "2", null);
            assertThat(ids(page)).containsExactly("o3", "o1");
            assertThat(page.nextCursor()).isNull();
        }

        @Test
        void keeps_paging_stable_while_new_orders_arrive() {
            for (int i = 1; i <= 4; i++) {
                record(order("o" + i, "c1", "Chez Ada", "Soup"));
            }
            OrderPage first = query("c1", null, null, "2", null);
            record(order("o5", "c1", "Chez Ada", "Soup"));

            assertThat(ids(query("c1", null, null, "2", first.nextCursor()))).containsExactly("o2", "o1");
        }
    }

    @Nested
    class Parsing_a_query {

        @Test
        void defaults_the_limit_and_treats_blank_parameters_as_absent() {
            OrdersOfConsumer query = OrdersOfConsumer.parse("c1", "", " ", null, "");

            assertThat(query)
                    .isEqualTo(new OrdersOfConsumer(
                            Optional.of("c1"),
                            Optional.empty(),
                            Optional.empty(),
                            OrdersOfConsumer.DEFAULT_LIMIT,
                            Optional.empty()));
        }

        @Test
        void rejects_an_unknown_state_a_bad_limit_and_a_forged_cursor_naming_the_parameter() {
            assertInvalid(() -> OrdersOfConsumer.parse("c1", "SHIPPED", null, null, null), "state");
            assertInvalid(() -> OrdersOfConsumer.parse("c1", null, null, "ten", null), "limit");
            assertInvalid(() -> OrdersOfConsumer.parse("c1", null, null, "0", null), "limit");
            assertInvalid(() -> OrdersOfConsumer.parse("c1", null, null, "101", null), "limit");
            assertInvalid(() -> OrdersOfConsumer.parse("c1", null, null, null, "not-a-cursor"), "cursor");
            assertInvalid(() -> OrdersOfConsumer.parse("c1", null, "x".repeat(101), null, null), "q");
        }

        @Test
        void a_cursor_round_trips_and_is_opaque() {
            OrderCursor cursor = new OrderCursor(12345);

            assertThat(OrderCursor.decode(cursor.encode())).isEqualTo(cursor);
            assertThat(cursor.encode()).doesNotContain("12345");
        }

        private void assertInvalid(Runnable parse, String parameter) {
            assertThatThrownBy(parse::run)
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.INVALID))
                    .hasMessageStartingWith(parameter);
        }
    }
}
