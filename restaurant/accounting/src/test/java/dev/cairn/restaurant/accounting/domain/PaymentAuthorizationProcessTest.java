package dev.cairn.restaurant.accounting.domain;

import static dev.cairn.restaurant.testing.Envelopes.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.restaurant.accounting.domain.PaymentCommand.AuthorizePayment;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerificationFailed;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerified;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.OrderLine;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCreated;
import dev.cairn.restaurant.contracts.VerificationFailure;
import dev.cairn.restaurant.testing.TriggerChecks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentAuthorizationProcessTest {

    static final List<OrderLine> LINES = List.of(new OrderLine("m1", "Soup", 2, 450));
    static final OrderCreated CREATED = new OrderCreated("o1", "c1", "r1", "Chez Ada", LINES, 900, "1 Main St", "tok_visa");
    static final ConsumerVerified VERIFIED = new ConsumerVerified("c1", "o1");
    static final TicketCreated TICKET = new TicketCreated("o1", "r1", LINES);
    static final AuthorizePayment AUTHORIZE = new AuthorizePayment("o1", "c1", 900, "tok_visa");

    private final PaymentAuthorizationProcess process = new PaymentAuthorizationProcess();

    /** Runs the process like its host: per-instance state, commands on each transition. */
    private List<PaymentCommand> run(PublishedEvent... events) {
        Map<String, AuthorizationJoin> instances = new HashMap<>();
        List<PaymentCommand> sent = new ArrayList<>();
        long position = 1;
        for (PublishedEvent event : events) {
            var instance = process.instanceOf(event);
            if (instance.isEmpty()) {
                continue;
            }
            AuthorizationJoin before = instances.getOrDefault(instance.get(), process.initialState());
            AuthorizationJoin after = process.evolve(before, event);
            sent.addAll(process.react(before, after, at(position++, event)));
            instances.put(instance.get(), after);
        }
        return sent;
    }

    @Test
    void asks_for_the_authorization_once_all_three_events_are_seen_in_any_order() {
        List<List<PublishedEvent>> orders = List.of(
                List.of(CREATED, VERIFIED, TICKET), List.of(CREATED, TICKET, VERIFIED), List.of(VERIFIED, CREATED, TICKET),
                List.of(VERIFIED, TICKET, CREATED), List.of(TICKET, CREATED, VERIFIED), List.of(TICKET, VERIFIED, CREATED));

        for (List<PublishedEvent> order : orders) {
            assertThat(run(order.toArray(PublishedEvent[]::new))).as("for %s", order).containsExactly(AUTHORIZE);
        }
    }

    @Test
    void asks_nothing_until_the_join_is_complete() {
        assertThat(run(CREATED, VERIFIED)).isEmpty();
        assertThat(run(CREATED, TICKET)).isEmpty();
        assertThat(run(VERIFIED, TICKET)).isEmpty();
    }

    @Test
    void a_redelivered_event_never_asks_twice() {
        assertThat(run(CREATED, VERIFIED, TICKET, TICKET, VERIFIED, CREATED)).containsExactly(AUTHORIZE);
        assertThat(run(CREATED, CREATED, VERIFIED, VERIFIED, TICKET, TICKET)).containsExactly(AUTHORIZE);
    }

    @Test
    void a_failed_verification_never_completes_the_join() {
        assertThat(run(CREATED, new ConsumerVerificationFailed("c1", "o1", VerificationFailure.CONSUMER_UNKNOWN), TICKET))
                .isEmpty();
    }

    @Test
    void keeps_one_instance_per_order() {
        OrderCreated other = new OrderCreated("o2", "c2", "r1", "Chez Ada", LINES, 450, "2 Main St", "tok_declined");

        assertThat(run(CREATED, other, VERIFIED, new ConsumerVerified("c2", "o2"), new TicketCreated("o2", "r1", LINES)))
                .containsExactly(new AuthorizePayment("o2", "c2", 450, "tok_declined"));
        assertThat(process.instanceOf(TICKET)).contains("o1");
    }

    @Test
    void follows_only_its_three_events() {
        TriggerChecks.assertFollowsOnlyItsTriggers(process);
        assertThat(process.triggerTypeNames()).containsExactlyInAnyOrder("ordering.OrderCreated",
                "consumers.ConsumerVerified", "kitchen.TicketCreated");
    }
}
