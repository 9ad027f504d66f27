package dev.cairn.lab.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import dev.cairn.core.store.RecordedEvent;
import dev.cairn.lab.Fault;
import dev.cairn.lab.HistoryStep;
import dev.cairn.lab.Message;
import dev.cairn.lab.OrderFacts;
import dev.cairn.lab.OrderRequest;
import dev.cairn.lab.eventsourced.EventSourcedStyleContract;
import dev.cairn.restaurant.contracts.Streams;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncOrchestrationTest extends EventSourcedStyleContract<AsyncRun> {

    private static final List<String> MESSAGES =
            List.of("VerifyConsumer", "CreateTicket", "ConfirmTicket", "RejectTicket", "AuthorizePayment");

    AsyncOrchestrationTest() {
        super(new AsyncOrchestration(), AsyncRun.class);
    }

    @Test
    void a_downed_kitchen_leaves_its_messages_waiting_on_the_log_and_works_them_off_after_it_heals() throws Exception {
        run.inject(Fault.KITCHEN_DOWN);
        assertThat(run.kitchenRunning()).isFalse();
        String orderId = place(OrderRequest.Kind.HAPPY);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> typesIn("inbox.kitchen-" + orderId).contains("lab.async.CreateTicket"));
        Thread.sleep(500);
        assertThat(typesIn(Streams.ticket(orderId)))
                .as("tickets created while the kitchen is down")
                .isEmpty();

        run.heal(Fault.KITCHEN_DOWN);
        assertThat(awaitFinal(orderId, Duration.ofSeconds(10)).order()).isEqualTo(OrderFacts.OrderState.APPROVED);
        assertThat(typesIn(Streams.ticket(orderId)))
                .containsExactly("kitchen.TicketCreated", "kitchen.TicketConfirmed");
    }

    @Test
    void a_slow_accounting_answers_a_payment_message_at_least_the_delay_after_it_was_sent() throws Exception {
        run.inject(Fault.ACCOUNTING_SLOW);
        String orderId = placeSettled(OrderRequest.Kind.HAPPY);
        RecordedEvent message = stream("inbox.accounting-" + orderId).getFirst();
        RecordedEvent reply = stream(Streams.payment(orderId)).getFirst();
        assertThat(Duration.between(message.recordedAt(), reply.recordedAt()).toMillis())
                .isGreaterThanOrEqualTo(Fault.ACCOUNTING_DELAY_MS);
        run.heal(Fault.ACCOUNTING_SLOW);
    }

    @Test
    void the_saga_compensates_a_declined_payment_by_rejecting_the_ticket_and_the_order() throws Exception {
        String orderId = place(OrderRequest.Kind.DECLINED_CARD);
        OrderFacts facts = awaitFinal(orderId, Duration.ofSeconds(10));
        assertThat(facts.ticket()).isEqualTo(OrderFacts.TicketState.REJECTED);
        assertThat(typesIn("inbox.kitchen-" + orderId))
                .containsExactly("lab.async.CreateTicket", "lab.async.RejectTicket");
        assertThat(typesIn(Streams.ticket(orderId)))
                .containsExactly("kitchen.TicketCreated", "kitchen.TicketCreationRejected");
        assertThat(run.history(orderId))
                .extracting(HistoryStep::service, HistoryStep::change, HistoryStep::cause)
                .contains(
                        tuple("kitchen", "ticket REJECTED", "RejectTicket"),
                        tuple("order", "REJECTED", "PaymentDeclined"));
    }

    @Test
    void an_unknown_consumer_gets_no_ticket_at_all() {
        String orderId = placeSettled(OrderRequest.Kind.UNKNOWN_CONSUMER);
        assertThat(typesIn(Streams.ticket(orderId))).isEmpty();
        assertThat(typesIn("inbox.kitchen-" + orderId)).isEmpty();
    }

    @Test
    void the_services_act_only_on_messages_and_the_saga_on_their_replies() throws Exception {
        String orderId = placeSettled(OrderRequest.Kind.HAPPY);
        List<HistoryStep> steps = run.history(orderId);
        assertThat(steps)
                .filteredOn(step -> !step.service().equals("order"))
                .isNotEmpty()
                .allSatisfy(step -> assertThat(step.cause()).isIn(MESSAGES));
        List<Message> journey = run.journey(orderId);
        assertThat(journey)
                .extracting(Message::from, Message::to, Message::text)
                .contains(
                        tuple("client", "order", "POST /api/orders → OrderCreated"),
                        tuple("order", "consumer", "VerifyConsumer → ConsumerVerified"),
                        tuple("consumer", "order", "ConsumerVerified → CreateTicket"),
                        tuple("order", "kitchen", "CreateTicket → TicketCreated"),
                        tuple("order", "accounting", "AuthorizePayment → PaymentAuthorized"),
                        tuple("kitchen", "order", "TicketConfirmed → OrderApproved"));
    }
}
