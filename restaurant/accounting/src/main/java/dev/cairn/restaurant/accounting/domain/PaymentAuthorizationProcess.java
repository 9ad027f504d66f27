package dev.cairn.restaurant.accounting.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.accounting.domain.PaymentCommand.AuthorizePayment;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerified;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.ProcessRules;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.RuledProcessManager;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCreated;
import java.util.List;

/**
 * The event join of restaurant.md step 4: one instance per order id follows OrderCreated,
 * ConsumerVerified and TicketCreated, in whatever order they come, and asks for the payment
 * authorisation on the transition to "all three seen". Deciding on the transition (not on the
 * state) means a redelivered or repeated event never asks twice. When the consumer fails
 * verification the join never completes, so nothing is charged.
 */
public final class PaymentAuthorizationProcess extends RuledProcessManager<AuthorizationJoin, PaymentCommand> {

    private static final ProcessRules<AuthorizationJoin> RULES = ProcessRules.<AuthorizationJoin>perInstance()
            .on(
                    OrderCreated.class,
                    OrderCreated::orderId,
                    (join, created) -> join.withRequest(new AuthorizePayment(
                            created.orderId(), created.consumerId(), created.totalCents(), created.paymentToken())))
            .on(ConsumerVerified.class, ConsumerVerified::orderId, (join, verified) -> join.withConsumerVerified())
            .on(TicketCreated.class, TicketCreated::orderId, (join, created) -> join.withTicketCreated());

    public PaymentAuthorizationProcess() {
        super(RULES, AuthorizationJoin.NOTHING_SEEN);
    }

    @Override
    public List<PaymentCommand> react(
            AuthorizationJoin before, AuthorizationJoin after, Envelope<PublishedEvent> event) {
        if (!before.complete() && after.complete()) {
            return List.of(after.request().orElseThrow());
        }
        return List.of();
    }
}
