package dev.cairn.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.lab.OrderFacts.OrderState;
import dev.cairn.lab.OrderFacts.PaymentState;
import dev.cairn.lab.OrderFacts.TicketState;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    private static OrderFacts facts(OrderState order, TicketState ticket, PaymentState payment) {
        return new OrderFacts("o-1", order, ticket, payment, Instant.EPOCH, Instant.EPOCH);
    }

    @Nested
    class Completed {
        @Test
        void an_approved_order_with_a_confirmed_ticket_and_an_authorised_payment() {
            assertThat(Outcome.of(facts(OrderState.APPROVED, TicketState.CONFIRMED, PaymentState.AUTHORIZED))).isEqualTo(Outcome.COMPLETED);
        }

        @Test
        void a_rejected_order_with_no_ticket_and_no_payment() {
            assertThat(Outcome.of(facts(OrderState.REJECTED, TicketState.NONE, PaymentState.NONE))).isEqualTo(Outcome.COMPLETED);
        }

        @Test
        void a_declined_order_whose_ticket_was_rejected() {
            assertThat(Outcome.of(facts(OrderState.REJECTED, TicketState.REJECTED, PaymentState.DECLINED))).isEqualTo(Outcome.COMPLETED);
        }

        @Test
        void a_rejected_order_whose_payment_was_reversed_and_ticket_cancelled() {
            assertThat(Outcome.of(facts(OrderState.REJECTED, TicketState.CANCELLED, PaymentState.REVERSED))).isEqualTo(Outcome.COMPLETED);
        }
    }

    @Nested
    class Inconsistent {
        @Test
        void a_payment_authorised_for_a_rejected_order() {
            assertThat(Outcome.of(facts(OrderState.REJECTED, TicketState.REJECTED, PaymentState.AUTHORIZED))).isEqualTo(Outcome.INCONSISTENT);
        }

        @Test
        void a_live_ticket_for_a_rejected_order() {
            assertThat(Outcome.of(facts(OrderState.REJECTED, TicketState.CONFIRMED, PaymentState.NONE))).isEqualTo(Outcome.INCONSISTENT);
        }

        @Test
        void an_approved_order_without_its_payment() {
            assertThat(Outcome.of(facts(OrderState.APPROVED, TicketState.CONFIRMED, PaymentState.NONE))).isEqualTo(Outcome.INCONSISTENT);
        }

        @Test
        void an_approved_order_whose_ticket_was_rejected() {
            assertThat(Outcome.of(facts(OrderState.APPROVED, TicketState.REJECTED, PaymentState.AUTHORIZED))).isEqualTo(Outcome.INCONSISTENT);
        }

        @Test
        void a_ticket_and_a_payment_for_an_order_the_order_service_never_recorded() {
            assertThat(Outcome.of(facts(OrderState.NONE, TicketState.PENDING, PaymentState.AUTHORIZED))).isEqualTo(Outcome.INCONSISTENT);
        }

        @Test
        void a_pending_ticket_beside_a_payment_that_contradicts_the_order() {
            assertThat(Outcome.of(facts(OrderState.REJECTED, TicketState.PENDING, PaymentState.AUTHORIZED))).isEqualTo(Outcome.INCONSISTENT);
        }
    }

    @Nested
    class Stuck {
        @Test
        void an_order_still_pending() {
            assertThat(Outcome.of(facts(OrderState.PENDING, TicketState.PENDING, PaymentState.AUTHORIZED))).isEqualTo(Outcome.STUCK);
        }

        @Test
        void an_acknowledged_order_stored_nowhere() {
            assertThat(Outcome.of(facts(OrderState.NONE, TicketState.NONE, PaymentState.NONE))).isEqualTo(Outcome.STUCK);
        }

        @Test
        void an_approved_order_whose_ticket_never_got_its_confirmation() {
            assertThat(Outcome.of(facts(OrderState.APPROVED, TicketState.PENDING, PaymentState.AUTHORIZED))).isEqualTo(Outcome.STUCK);
        }
    }
}
