package dev.cairn.restaurant.accounting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.restaurant.accounting.domain.PaymentCommand.AuthorizePayment;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerificationFailed;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerified;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.OrderLine;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCreated;
import dev.cairn.restaurant.contracts.VerificationFailure;
import dev.cairn.testing.ProcessManagerFixture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentAuthorizationProcessTest {

    static final List<OrderLine> LINES = List.of(new OrderLine("m1", "Soup", 2, 450));
    static final OrderCreated CREATED =
            new OrderCreated("o1", "c1", "r1", "Chez Ada", LINES, 900, "1 Main St", "tok_visa");
    static final ConsumerVerified VERIFIED = new ConsumerVerified("c1", "o1");
    static final TicketCreated TICKET = new TicketCreated("o1", "r1", LINES);
    static final AuthorizePayment AUTHORIZE = new AuthorizePayment("o1", "c1", 900, "tok_visa");

    private static ProcessManagerFixture<AuthorizationJoin, PublishedEvent, PaymentCommand> process() {
        return ProcessManagerFixture.of(new PaymentAuthorizationProcess());
    }

    @Test
    void asks_for_the_authorization_once_all_three_events_are_seen_in_any_order() {
        List<List<PublishedEvent>> orders = List.of(
                List.of(CREATED, VERIFIED, TICKET),
                List.of(CREATED, TICKET, VERIFIED),
                List.of(VERIFIED, CREATED, TICKET),
                List.of(VERIFIED, TICKET, CREATED),
                List.of(TICKET, CREATED, VERIFIED),
                List.of(TICKET, VERIFIED, CREATED));

        for (List<PublishedEvent> order : orders) {
            process()
                    .given(order.subList(0, 2))
                    .when(order.get(2))
                    .thenCommands(AUTHORIZE)
                    .thenAllCommands(AUTHORIZE);
        }
    }

    @Test
    void asks_nothing_until_the_join_is_complete() {
        process().given(CREATED).when(VERIFIED).thenAllCommands();
        process().given(CREATED).when(TICKET).thenAllCommands();
        process().given(VERIFIED).when(TICKET).thenAllCommands();
    }

    @Test
    void a_redelivered_event_never_asks_twice() {
        process()
                .given(CREATED, VERIFIED, TICKET, TICKET, VERIFIED)
                .when(CREATED)
                .thenNothing()
                .thenAllCommands(AUTHORIZE);
        process()
                .given(CREATED, CREATED, VERIFIED, VERIFIED, TICKET)
                .when(TICKET)
                .thenNothing()
                .thenAllCommands(AUTHORIZE);
    }

    @Test
    void a_failed_verification_never_completes_the_join() {
        process()
                .given(CREATED, new ConsumerVerificationFailed("c1", "o1", VerificationFailure.CONSUMER_UNKNOWN))
                .when(TICKET)
                .thenAllCommands();
    }

    @Test
    void keeps_one_instance_per_order() {
        OrderCreated other = new OrderCreated("o2", "c2", "r1", "Chez Ada", LINES, 450, "2 Main St", "tok_declined");

        process()
                .given(CREATED, other, VERIFIED, new ConsumerVerified("c2", "o2"))
                .when(new TicketCreated("o2", "r1", LINES))
                .thenAllCommands(new AuthorizePayment("o2", "c2", 450, "tok_declined"))
                .thenState("o1", new AuthorizationJoin(Optional.of(AUTHORIZE), true, false));
        assertThat(new PaymentAuthorizationProcess().instanceOf(TICKET)).contains("o1");
    }

    @Test
    void follows_only_its_three_events() {
        assertThat(new PaymentAuthorizationProcess().triggerTypeNames())
                .containsExactlyInAnyOrder(
                        "ordering.OrderCreated", "consumers.ConsumerVerified", "kitchen.TicketCreated");
    }
}
