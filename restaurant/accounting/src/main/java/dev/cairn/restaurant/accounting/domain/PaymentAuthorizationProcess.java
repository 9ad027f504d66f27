package dev.cairn.restaurant.accounting.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.ProcessManager;
import dev.cairn.restaurant.accounting.domain.PaymentCommand.AuthorizePayment;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerified;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.ProcessRules;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCreated;
import dev.cairn.restaurant.contracts.Triggered;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The event join of restaurant.md step 4: one instance per order id follows OrderCreated,
 * ConsumerVerified and TicketCreated, in whatever order they come, and asks for the payment
 * authorisation on the transition to "all three seen". Deciding on the transition (not on the
 * state) means a redelivered or repeated event never asks twice. When the consumer fails
 * verification the join never completes, so nothing is charged.
 */
public final class PaymentAuthorizationProcess
        implements ProcessManager<AuthorizationJoin, PublishedEvent, PaymentCommand>, Triggered {

    private static final ProcessRules<AuthorizationJoin> RULES = ProcessRules.<AuthorizationJoin>perInstance()
            .on(
                    OrderCreated.class,
                    OrderCreated::orderId,
                    (join, created) -> join.withRequest(new AuthorizePayment(
                            created.orderId(), created.consumerId(), created.totalCents(), created.paymentToken())))
            .on(ConsumerVerified.class, ConsumerVerified::orderId, (join, verified) -> join.withConsumerVerified())
            .on(TicketCreated.class, TicketCreated::orderId, (join, created) -> join.withTicketCreated());

    @Override
    public Optional<String> instanceOf(PublishedEvent event) {
        return RULES.instanceOf(event);
    }

    @Override
    public AuthorizationJoin initialState() {
        return AuthorizationJoin.NOTHING_SEEN;
    }

    @Override
    public AuthorizationJoin evolve(AuthorizationJoin state, PublishedEvent event) {
        return RULES.evolve(state, event);
    }

    @Override
    public List<PaymentCommand> react(
            AuthorizationJoin before, AuthorizationJoin after, Envelope<PublishedEvent> event) {
        if (!before.complete() && after.complete()) {
            return List.of(after.request().orElseThrow());
        }
        return List.of();
    }

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return RULES.triggers();
    }
}
