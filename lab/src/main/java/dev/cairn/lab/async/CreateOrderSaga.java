package dev.cairn.lab.async;

import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.ProcessManager;
import dev.cairn.lab.async.SagaStep.Conclude;
import dev.cairn.lab.async.SagaStep.Send;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerificationFailed;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerified;
import dev.cairn.restaurant.contracts.OrderEvent;
import dev.cairn.restaurant.contracts.OrderEvent.OrderApproved;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.OrderEvent.OrderRejected;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentAuthorized;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentDeclined;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TicketEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketConfirmed;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCreated;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCreationRejected;
import dev.cairn.restaurant.contracts.TypeNames;
import dev.cairn.restaurant.ordering.domain.OrderCommand.ApproveOrder;
import dev.cairn.restaurant.ordering.domain.OrderCommand.RejectOrder;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The order service's create-order saga, one instance per order: verify the consumer, then create
 * the ticket, then authorise the payment, then confirm the ticket, then approve the order. Each
 * step is a message to one service; that service's reply (an event of its own streams) moves the
 * saga on. Compensations: a failed verification rejects the order (no ticket exists yet); a
 * declined payment rejects the ticket and the order.
 *
 * <p>Commands are decided on the transition to a stage, so a replayed or repeated reply never
 * sends a step twice.
 */
final class CreateOrderSaga implements ProcessManager<CreateOrderSaga.State, PublishedEvent, SagaStep> {

    /** Where one order's saga stands: the step it waits for, or its end. */
    enum Stage {
        NOT_STARTED,
        VERIFYING_CONSUMER,
        CREATING_TICKET,
        AUTHORIZING_PAYMENT,
        CONFIRMING_TICKET,
        APPROVING,
        REJECTING_FOR_CONSUMER,
        COMPENSATING_DECLINED_PAYMENT,
        APPROVED,
        REJECTED
    }

    /** @param order the order as placed, once its OrderCreated was seen */
    record State(Optional<OrderCreated> order, Stage stage) {
        State at(Stage next) {
            return new State(order, next);
        }
    }

    /** The replies and order events the saga follows. */
    static final Set<String> TRIGGERS = Stream.of(
                    OrderCreated.class,
                    OrderApproved.class,
                    OrderRejected.class,
                    ConsumerVerified.class,
                    ConsumerVerificationFailed.class,
                    TicketCreated.class,
                    TicketConfirmed.class,
                    TicketCreationRejected.class,
                    PaymentAuthorized.class,
                    PaymentDeclined.class)
            .map(TypeNames::of)
            .collect(Collectors.toUnmodifiableSet());

    @Override
    public Optional<String> instanceOf(PublishedEvent event) {
        return switch (event) {
            case OrderEvent e -> Optional.of(e.orderId());
            case ConsumerVerified e -> Optional.of(e.orderId());
            case ConsumerVerificationFailed e -> Optional.of(e.orderId());
            case TicketEvent e -> Optional.of(e.orderId());
            case PaymentAuthorized e -> Optional.of(e.orderId());
            case PaymentDeclined e -> Optional.of(e.orderId());
            default -> Optional.empty();
        };
    }

    @Override
    public State initialState() {
        return new State(Optional.empty(), Stage.NOT_STARTED);
    }

    @Override
    public State evolve(State state, PublishedEvent event) {
        if (event instanceof OrderCreated created) {
            return state.order().isPresent() ? state : new State(Optional.of(created), Stage.VERIFYING_CONSUMER);
        }
        if (state.order().isEmpty()) {
            return state; // a reply for an order this saga never started
        }
        return switch (event) {
            case ConsumerVerified e -> state.at(Stage.CREATING_TICKET);
            case ConsumerVerificationFailed e -> state.at(Stage.REJECTING_FOR_CONSUMER);
            case TicketCreated e -> state.at(Stage.AUTHORIZING_PAYMENT);
            case PaymentAuthorized e -> state.at(Stage.CONFIRMING_TICKET);
            case PaymentDeclined e -> state.at(Stage.COMPENSATING_DECLINED_PAYMENT);
            case TicketConfirmed e -> state.at(Stage.APPROVING);
            case OrderApproved e -> state.at(Stage.APPROVED);
            case OrderRejected e -> state.at(Stage.REJECTED);
            default -> state; // TicketCreationRejected: the compensation is done, the order's rejection ends the saga
        };
    }

    @Override
    public List<SagaStep> react(State before, State after, Envelope<PublishedEvent> event) {
        if (before.stage() == after.stage()) {
            return List.of();
        }
        OrderCreated order = after.order().orElseThrow();
        String id = order.orderId();
        return switch (after.stage()) {
            case VERIFYING_CONSUMER -> List.of(new Send(new ServiceMessage.VerifyConsumer(id, order.consumerId())));
            case CREATING_TICKET ->
                List.of(new Send(new ServiceMessage.CreateTicket(id, order.restaurantId(), order.lines())));
            case AUTHORIZING_PAYMENT ->
                List.of(new Send(new ServiceMessage.AuthorizePayment(
                        id, order.consumerId(), order.totalCents(), order.paymentToken())));
            case CONFIRMING_TICKET -> List.of(new Send(new ServiceMessage.ConfirmTicket(id)));
            case APPROVING -> List.of(new Conclude(new ApproveOrder(id)));
            case REJECTING_FOR_CONSUMER ->
                List.of(new Conclude(new RejectOrder(id, OrderRejectionReason.CONSUMER_UNKNOWN)));
            case COMPENSATING_DECLINED_PAYMENT ->
                List.of(
                        new Send(new ServiceMessage.RejectTicket(id, OrderRejectionReason.PAYMENT_DECLINED)),
                        new Conclude(new RejectOrder(id, OrderRejectionReason.PAYMENT_DECLINED)));
            case NOT_STARTED, APPROVED, REJECTED -> List.of();
        };
    }
}
