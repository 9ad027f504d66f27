package dev.cairn.lab.async;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.processing.Envelope;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.lab.async.SagaStep.Conclude;
import dev.cairn.lab.async.SagaStep.Send;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerificationFailed;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerified;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.OrderLine;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentAuthorized;
import dev.cairn.restaurant.contracts.PaymentEvent.PaymentDeclined;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TicketEvent.TicketConfirmed;
import dev.cairn.restaurant.contracts.TicketEvent.TicketCreated;
import dev.cairn.restaurant.contracts.VerificationFailure;
import dev.cairn.restaurant.ordering.domain.OrderCommand.ApproveOrder;
import dev.cairn.restaurant.ordering.domain.OrderCommand.RejectOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CreateOrderSagaTest {

    private static final String ORDER = "o-1";
    private static final List<OrderLine> LINES = List.of(new OrderLine("dish", "Dish", 2, 500));
    private static final OrderCreated CREATED =
            new OrderCreated(ORDER, "c-1", "r-1", "Lab Kitchen", LINES, 1_000, "1 Lab Street", "tok_visa");

    private final CreateOrderSaga saga = new CreateOrderSaga();

    /** The steps each event calls for, the events folded one after the other. */
    private List<List<SagaStep>> stepsFor(PublishedEvent... events) {
        CreateOrderSaga.State state = saga.initialState();
        List<List<SagaStep>> steps = new ArrayList<>();
        for (PublishedEvent event : events) {
            CreateOrderSaga.State after = saga.evolve(state, event);
            steps.add(saga.react(state, after, envelope(event)));
            state = after;
        }
        return steps;
    }

    private static Envelope<PublishedEvent> envelope(PublishedEvent event) {
        UUID id = UUID.randomUUID();
        return new Envelope<>(
                event, new RecordedEvent(id, "order-" + ORDER, 0, 1, "t", Instant.EPOCH, id, id, new byte[0]));
    }

    @Test
    void drives_an_order_step_by_step_to_its_approval() {
        assertThat(stepsFor(
                        CREATED,
                        new ConsumerVerified("c-1", ORDER),
                        new TicketCreated(ORDER, "r-1", LINES),
                        new PaymentAuthorized(ORDER, "c-1", 1_000),
                        new TicketConfirmed(ORDER)))
                .containsExactly(
                        List.of(new Send(new ServiceMessage.VerifyConsumer(ORDER, "c-1"))),
                        List.of(new Send(new ServiceMessage.CreateTicket(ORDER, "r-1", LINES))),
                        List.of(new Send(new ServiceMessage.AuthorizePayment(ORDER, "c-1", 1_000, "tok_visa"))),
                        List.of(new Send(new ServiceMessage.ConfirmTicket(ORDER))),
                        List.of(new Conclude(new ApproveOrder(ORDER))));
    }

    @Test
    void compensates_a_declined_payment_by_rejecting_the_ticket_and_the_order() {
        List<List<SagaStep>> steps = stepsFor(
                CREATED,
                new ConsumerVerified("c-1", ORDER),
                new TicketCreated(ORDER, "r-1", LINES),
                new PaymentDeclined(ORDER, "c-1", 1_000));
        assertThat(steps.getLast())
                .containsExactly(
                        new Send(new ServiceMessage.RejectTicket(ORDER, OrderRejectionReason.PAYMENT_DECLINED)),
                        new Conclude(new RejectOrder(ORDER, OrderRejectionReason.PAYMENT_DECLINED)));
    }

    @Test
    void rejects_the_order_of_an_unverified_consumer_before_any_ticket_exists() {
        List<List<SagaStep>> steps =
                stepsFor(CREATED, new ConsumerVerificationFailed("c-1", ORDER, VerificationFailure.CONSUMER_UNKNOWN));
        assertThat(steps.getLast())
                .containsExactly(new Conclude(new RejectOrder(ORDER, OrderRejectionReason.CONSUMER_UNKNOWN)));
    }

    @Test
    void a_repeated_reply_sends_nothing_again() {
        ConsumerVerified verified = new ConsumerVerified("c-1", ORDER);
        assertThat(stepsFor(CREATED, verified, verified).getLast()).isEmpty();
    }

    @Test
    void a_reply_for_an_order_it_never_started_sends_nothing() {
        assertThat(stepsFor(new ConsumerVerified("c-1", ORDER)).getLast()).isEmpty();
    }
}
