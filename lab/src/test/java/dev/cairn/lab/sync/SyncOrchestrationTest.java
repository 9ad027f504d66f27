package dev.cairn.lab.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cairn.lab.Fault;
import dev.cairn.lab.HistoryStep;
import dev.cairn.lab.OrderFacts;
import dev.cairn.lab.OrderFacts.OrderState;
import dev.cairn.lab.OrderFacts.PaymentState;
import dev.cairn.lab.OrderFacts.TicketState;
import dev.cairn.lab.OrderRequest;
import dev.cairn.lab.Outcome;
import dev.cairn.lab.Placement;
import dev.cairn.lab.StyleContract;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SyncOrchestrationTest extends StyleContract<SyncRun> {

    SyncOrchestrationTest() {
        super(new SyncOrchestration(), SyncRun.class);
    }

    @Test
    void every_fault_applies() {
        for (Fault fault : Fault.values()) {
            assertThat(style().inapplicable(fault)).as(fault.label()).isEmpty();
        }
    }

    @Test
    void a_service_answers_a_repeated_idempotency_key_with_its_first_answer_and_changes_nothing() throws Exception {
        URI tickets = run.uriOf("kitchen").resolve("/tickets");
        String body = "{\"orderId\":\"o-1\",\"restaurantId\":\"restaurant-1\",\"lines\":[{\"menuItemId\":\"curry\","
                + "\"name\":\"Lab Curry\",\"quantity\":1,\"priceCents\":1250}]}";
        HttpResponse<String> first = post(tickets, "o-1:create-ticket", body);
        HttpResponse<String> again = post(tickets, "o-1:create-ticket", body);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(count("kitchen", "SELECT count(*) FROM tickets")).isEqualTo(1);
        assertThat(post(tickets, "o-1:create-ticket", body.replace("\"quantity\":1", "\"quantity\":2"))
                        .statusCode())
                .as("the same key for another request")
                .isEqualTo(422);
    }

    @Test
    void a_declined_payment_rejects_the_ticket_in_the_kitchens_own_database() throws Exception {
        String orderId = place(OrderRequest.Kind.DECLINED_CARD);
        assertThat(text(
                        "kitchen",
                        "SELECT state || ' ' || rejection_reason FROM tickets WHERE order_id = '" + orderId + "'"))
                .isEqualTo("REJECTED PAYMENT_DECLINED");
        assertThat(text("accounting", "SELECT state FROM payments WHERE order_id = '" + orderId + "'"))
                .isEqualTo("DECLINED");
        assertThat(text("order", "SELECT state || ' ' || rejection_reason FROM orders WHERE id = '" + orderId + "'"))
                .isEqualTo("REJECTED PAYMENT_DECLINED");
    }

    @Test
    void a_kitchen_down_really_refuses_connections_and_the_client_gets_503_with_the_order_rejected() throws Exception {
        URI kitchen = run.uriOf("kitchen");
        run.inject(Fault.KITCHEN_DOWN);
        assertThatThrownBy(() -> connect(kitchen)).isInstanceOf(ConnectException.class);
        HttpResponse<String> refused = post(
                run.orderApi().resolve("/api/orders"),
                null,
                OrderRequest.of(OrderRequest.Kind.HAPPY, run.fixture()).json());
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("KITCHEN_UNAVAILABLE");
        List<OrderFacts> facts = run.facts();
        assertThat(facts).singleElement().satisfies(f -> {
            assertThat(f.order()).isEqualTo(OrderState.REJECTED);
            assertThat(f.ticket()).isEqualTo(TicketState.NONE);
            assertThat(Outcome.of(f)).isEqualTo(Outcome.COMPLETED);
        });
        run.heal(Fault.KITCHEN_DOWN);
        connect(kitchen);
        assertThat(awaitFinal(place(OrderRequest.Kind.HAPPY), Duration.ofSeconds(5))
                        .order())
                .isEqualTo(OrderState.APPROVED);
    }

    @Test
    void a_slow_accounting_really_takes_the_delay_for_every_call() throws Exception {
        run.inject(Fault.ACCOUNTING_SLOW);
        long start = System.nanoTime();
        post(
                run.uriOf("accounting").resolve("/payments"),
                "o-2:authorize",
                "{\"orderId\":\"o-2\",\"consumerId\":\"consumer-1\",\"amountCents\":100,\"paymentToken\":\"tok_visa\"}");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(Duration.ofMillis(Fault.ACCOUNTING_DELAY_MS));
        run.heal(Fault.ACCOUNTING_SLOW);
        start = System.nanoTime();
        post(run.uriOf("accounting").resolve("/payments/o-2/reverse"), "o-2:reverse", "{}");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isLessThan(Duration.ofMillis(Fault.ACCOUNTING_DELAY_MS));
        assertThat(text("accounting", "SELECT state FROM payments WHERE order_id = 'o-2'"))
                .isEqualTo("REVERSED");
    }

    @Test
    void an_order_killed_mid_way_loses_its_client_and_is_resumed_at_restart_without_doing_a_step_twice()
            throws Exception {
        run.slowAccountingBy(Downstream.TIMEOUT.toMillis() * 5); // keeps the order inside its first call to accounting
        CompletableFuture<Placement> inFlight = CompletableFuture.supplyAsync(
                () -> client.place(run, OrderRequest.of(OrderRequest.Kind.HAPPY, run.fixture())));
        OrderFacts midWay = await().atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(10))
                .until(
                        () -> run.facts(),
                        facts -> facts.size() == 1 && facts.getFirst().ticket() == TicketState.PENDING)
                .getFirst();
        run.inject(Fault.ORDER_CRASH);
        assertThat(inFlight.get()).isInstanceOf(Placement.Refused.class);
        assertThat(((Placement.Refused) inFlight.get()).why()).startsWith("connection");
        assertThat(factsOf(midWay.orderId()).orElseThrow().order())
                .as("left pending by the kill")
                .isEqualTo(OrderState.PENDING);
        run.slowAccountingBy(0);
        run.heal(Fault.ORDER_CRASH);
        OrderFacts resumed = awaitFinal(midWay.orderId(), Duration.ofSeconds(10));
        assertThat(resumed.order()).isEqualTo(OrderState.APPROVED);
        assertThat(resumed.payment()).isEqualTo(PaymentState.AUTHORIZED);
        assertThat(Outcome.of(resumed)).isEqualTo(Outcome.COMPLETED);
        assertThat(run.journey(midWay.orderId())).extracting(m -> m.text()).contains("resumed after a restart");
        assertThat(count("kitchen", "SELECT count(*) FROM tickets")).isEqualTo(1);
        assertThat(count("consumer", "SELECT count(*) FROM verifications")).isEqualTo(1);
    }

    @Test
    void an_accounting_slower_than_the_time_out_is_retried_under_one_key_then_compensated() throws Exception {
        run.slowAccountingBy(Downstream.TIMEOUT.toMillis() + 500);
        Placement placement = client.place(run, OrderRequest.of(OrderRequest.Kind.HAPPY, run.fixture()));
        assertThat(placement)
                .as("the client gives up before the order service does")
                .isInstanceOf(Placement.Refused.class);
        OrderFacts facts = awaitFinal(run.facts().getFirst().orderId(), Duration.ofSeconds(15));
        assertThat(facts.order()).isEqualTo(OrderState.REJECTED);
        assertThat(facts.ticket()).isEqualTo(TicketState.REJECTED);
        // The first attempt did land, late: its authorisation was reversed by the compensation, also late.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> factsOf(facts.orderId()).orElseThrow().payment() == PaymentState.REVERSED);
        assertThat(Outcome.of(factsOf(facts.orderId()).orElseThrow())).isEqualTo(Outcome.COMPLETED);
        assertThat(text("order", "SELECT rejection_reason FROM orders")).isEqualTo("ACCOUNTING_TIMEOUT");
        assertThat(run.journey(facts.orderId()))
                .extracting(m -> m.text())
                .contains("POST /payments (retry 1)", "POST /payments (retry 2)");
        assertThat(count("accounting", "SELECT count(*) FROM payments")).isEqualTo(1);
    }

    @Test
    void history_holds_only_what_the_rows_hold() throws Exception {
        String orderId = place(OrderRequest.Kind.HAPPY);
        List<HistoryStep> history = run.history(orderId);
        assertThat(history).extracting(HistoryStep::service).contains("order", "consumer", "kitchen", "accounting");
        assertThat(history)
                .extracting(HistoryStep::change)
                .contains("APPROVED", "verification VERIFIED", "ticket CONFIRMED", "payment AUTHORIZED")
                .doesNotContain("APPROVAL_PENDING", "ticket PENDING");
        assertThat(history).allSatisfy(step -> assertThat(step.cause()).isNull());
        assertThat(run.journey(orderId))
                .extracting(m -> m.from() + "->" + m.to())
                .startsWith("client->order")
                .contains("order->consumer", "consumer->order", "order->kitchen", "order->accounting")
                .endsWith("order->client");
    }

    private static HttpResponse<String> post(URI uri, String key, String body) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (key != null) {
                request.header("Idempotency-Key", key);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private long count(String service, String sql) throws Exception {
        return Long.parseLong(text(service, sql));
    }

    private String text(String service, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(run.databaseOf(service));
                ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
