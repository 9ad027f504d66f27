package dev.cairn.lab;

import static dev.cairn.lab.Outcome.COMPLETED;
import static dev.cairn.lab.Outcome.INCONSISTENT;
import static dev.cairn.lab.Outcome.STUCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.cairn.lab.OrderFacts.OrderState;
import dev.cairn.lab.OrderFacts.PaymentState;
import dev.cairn.lab.OrderFacts.TicketState;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The outcome as a state table: what each service stored, and how the order is judged to have ended. */
class OutcomeTest {

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("situations")
    void judges_an_order_from_what_the_services_stored(
            Outcome expected, String situation, OrderState order, TicketState ticket, PaymentState payment) {
        OrderFacts facts = new OrderFacts("o-1", order, ticket, payment, Instant.EPOCH, Instant.EPOCH);

        assertThat(Outcome.of(facts)).isEqualTo(expected);
    }

    static Stream<Arguments> situations() {
        return Stream.of(
                arguments(
                        COMPLETED,
                        "an approved order with a confirmed ticket and an authorised payment",
                        OrderState.APPROVED,
                        TicketState.CONFIRMED,
                        PaymentState.AUTHORIZED),
                arguments(
                        COMPLETED,
                        "a rejected order with no ticket and no payment",
                        OrderState.REJECTED,
                        TicketState.NONE,
                        PaymentState.NONE),
                arguments(
                        COMPLETED,
                        "a declined order whose ticket was rejected",
                        OrderState.REJECTED,
                        TicketState.REJECTED,
                        PaymentState.DECLINED),
                arguments(
                        COMPLETED,
                        "a rejected order whose payment was reversed and ticket cancelled",
                        OrderState.REJECTED,
                        TicketState.CANCELLED,
                        PaymentState.REVERSED),
                arguments(
                        INCONSISTENT,
                        "a payment authorised for a rejected order",
                        OrderState.REJECTED,
                        TicketState.REJECTED,
                        PaymentState.AUTHORIZED),
                arguments(
                        INCONSISTENT,
                        "a live ticket for a rejected order",
                        OrderState.REJECTED,
                        TicketState.CONFIRMED,
                        PaymentState.NONE),
                arguments(
                        INCONSISTENT,
                        "an approved order without its payment",
                        OrderState.APPROVED,
                        TicketState.CONFIRMED,
                        PaymentState.NONE),
                arguments(
                        INCONSISTENT,
                        "an approved order whose ticket was rejected",
                        OrderState.APPROVED,
                        TicketState.REJECTED,
                        PaymentState.AUTHORIZED),
                arguments(
                        INCONSISTENT,
                        "a ticket and a payment for an order the order service never recorded",
                        OrderState.NONE,
                        TicketState.PENDING,
                        PaymentState.AUTHORIZED),
                arguments(
                        INCONSISTENT,
                        "a pending ticket beside a payment that contradicts the order",
                        OrderState.REJECTED,
                        TicketState.PENDING,
                        PaymentState.AUTHORIZED),
                arguments(
                        STUCK,
                        "an order still pending",
                        OrderState.PENDING,
                        TicketState.PENDING,
                        PaymentState.AUTHORIZED),
                arguments(
                        STUCK,
                        "an acknowledged order stored nowhere",
                        OrderState.NONE,
                        TicketState.NONE,
                        PaymentState.NONE),
                arguments(
                        STUCK,
                        "an approved order whose ticket never got its confirmation",
                        OrderState.APPROVED,
                        TicketState.PENDING,
                        PaymentState.AUTHORIZED));
    }
}
