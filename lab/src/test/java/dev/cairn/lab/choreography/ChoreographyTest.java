package dev.cairn.lab.choreography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cairn.core.store.RecordedEvent;
import dev.cairn.lab.Fault;
import dev.cairn.lab.HistoryStep;
import dev.cairn.lab.OrderRequest;
import dev.cairn.lab.eventsourced.EventSourcedStyleContract;
import dev.cairn.restaurant.app.RestaurantSystem;
import dev.cairn.restaurant.contracts.Streams;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChoreographyTest extends EventSourcedStyleContract<ChoreographyRun> {

    ChoreographyTest() {
        super(new Choreography(), ChoreographyRun.class);
    }

    @Test
    void the_instances_share_the_log_but_no_processor_name_so_no_checkpoint() {
        List<String> names = run.instances().stream()
                .map(RestaurantSystem::hostedProcessors)
                .flatMap(Collection::stream)
                .map(p -> p.name())
                .toList();
        assertThat(names)
                .doesNotHaveDuplicates()
                .contains(
                        "ordering.reactions",
                        "kitchen.reactions",
                        "accounting.authorize-payments",
                        "consumers.verify-orders");
    }

    @Test
    void a_downed_kitchen_creates_no_ticket_and_answers_no_request_until_it_heals() throws Exception {
        run.inject(Fault.KITCHEN_DOWN);
        String orderId = place(OrderRequest.Kind.HAPPY);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> typesIn(Streams.verification(orderId)).contains("consumers.ConsumerVerified"));
        Thread.sleep(500);
        assertThat(typesIn(Streams.ticket(orderId)))
                .as("tickets created while the kitchen is down")
                .isEmpty();
        assertThatThrownBy(() -> connect(run.kitchenApi())).isInstanceOf(ConnectException.class);

        run.heal(Fault.KITCHEN_DOWN);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> typesIn(Streams.ticket(orderId)).contains("kitchen.TicketConfirmed"));
        connect(run.kitchenApi());
    }

    @Test
    void a_slow_accounting_records_the_payment_at_least_the_delay_after_the_join_completed() throws Exception {
        run.inject(Fault.ACCOUNTING_SLOW);
        String orderId = placeSettled(OrderRequest.Kind.HAPPY);
        RecordedEvent payment =
                run.store().readStream(Streams.payment(orderId), 0, 10).getFirst();
        RecordedEvent lastTrigger =
                List.of(Streams.order(orderId), Streams.verification(orderId), Streams.ticket(orderId)).stream()
                        .map(stream -> run.store().readStream(stream, 0, 1).getFirst())
                        .max(Comparator.comparing(RecordedEvent::position))
                        .orElseThrow();
        assertThat(Duration.between(lastTrigger.recordedAt(), payment.recordedAt())
                        .toMillis())
                .isGreaterThanOrEqualTo(Fault.ACCOUNTING_DELAY_MS);
        run.heal(Fault.ACCOUNTING_SLOW);
    }

    @Test
    void the_history_names_each_change_and_its_cause_from_the_log() throws Exception {
        String orderId = placeSettled(OrderRequest.Kind.DECLINED_CARD);
        List<HistoryStep> steps = run.history(orderId);
        assertThat(steps)
                .extracting(HistoryStep::service, HistoryStep::change, HistoryStep::cause)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("order", "APPROVAL_PENDING", "client request"),
                        org.assertj.core.groups.Tuple.tuple("consumer", "verification VERIFIED", "OrderCreated"),
                        org.assertj.core.groups.Tuple.tuple("kitchen", "ticket CREATE_PENDING", "OrderCreated"),
                        org.assertj.core.groups.Tuple.tuple("order", "REJECTED", "PaymentDeclined"),
                        org.assertj.core.groups.Tuple.tuple("kitchen", "ticket REJECTED", "PaymentDeclined"));
        assertThat(steps).allSatisfy(step -> assertThat(step.at()).isNotNull());
        assertThat(run.journey(orderId).getFirst().from()).isEqualTo("client");
    }
}
