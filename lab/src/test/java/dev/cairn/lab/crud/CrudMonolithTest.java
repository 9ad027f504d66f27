package dev.cairn.lab.crud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.lab.Fault;
import dev.cairn.lab.HistoryStep;
import dev.cairn.lab.OrderFacts;
import dev.cairn.lab.OrderFacts.OrderState;
import dev.cairn.lab.OrderRequest;
import dev.cairn.lab.Outcome;
import dev.cairn.lab.Placement;
import dev.cairn.lab.StyleContract;
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

class CrudMonolithTest extends StyleContract<CrudRun> {

    CrudMonolithTest() {
        super(new CrudMonolith(), CrudRun.class);
    }

    @Test
    void the_kitchen_cannot_go_down_in_a_monolith_and_says_why() {
        assertThat(style().inapplicable(Fault.KITCHEN_DOWN))
                .hasValueSatisfying(why -> assertThat(why).contains("kitchen"));
        assertThat(style().inapplicable(Fault.ACCOUNTING_SLOW)).isEmpty();
        assertThat(style().inapplicable(Fault.ORDER_CRASH)).isEmpty();
    }

    @Test
    void the_answer_carries_the_final_state_because_the_whole_order_is_one_transaction() throws Exception {
        assertThat(post(OrderRequest.of(OrderRequest.Kind.HAPPY, run.fixture()).json()))
                .satisfies(r -> assertThat(r.statusCode()).isEqualTo(201))
                .satisfies(r -> assertThat(r.body()).contains("\"state\":\"APPROVED\""));
        assertThat(post(OrderRequest.of(OrderRequest.Kind.DECLINED_CARD, run.fixture())
                                .json())
                        .body())
                .contains("\"state\":\"REJECTED\"");
    }

    @Test
    void bad_input_is_refused_and_stores_nothing() throws Exception {
        assertThat(post("{not json").statusCode()).isEqualTo(400);
        assertThat(post(OrderRequest.of(OrderRequest.Kind.HAPPY, run.fixture())
                                .json()
                                .replace("curry", "sushi"))
                        .statusCode())
                .isEqualTo(422);
        assertThat(run.facts()).isEmpty();
    }

    @Test
    void an_unknown_consumer_gets_no_ticket_at_all_because_verification_comes_first() throws Exception {
        OrderFacts facts = awaitFinal(place(OrderRequest.Kind.UNKNOWN_CONSUMER), Duration.ofSeconds(5));
        assertThat(facts.ticket()).isEqualTo(OrderFacts.TicketState.NONE);
        assertThat(facts.payment()).isEqualTo(OrderFacts.PaymentState.NONE);
    }

    @Test
    void a_slow_gateway_really_holds_the_transaction_for_the_delay() throws Exception {
        run.inject(Fault.ACCOUNTING_SLOW);
        long start = System.nanoTime();
        String orderId = place(OrderRequest.Kind.HAPPY);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(Duration.ofMillis(Fault.ACCOUNTING_DELAY_MS));
        run.heal(Fault.ACCOUNTING_SLOW);
        start = System.nanoTime();
        place(OrderRequest.Kind.HAPPY);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isLessThan(Duration.ofMillis(Fault.ACCOUNTING_DELAY_MS));
        assertThat(factsOf(orderId).orElseThrow().order()).isEqualTo(OrderState.APPROVED);
    }

    @Test
    void a_crash_mid_transaction_rolls_the_whole_order_back_and_its_client_gets_no_answer() throws Exception {
        run.slowGatewayBy(5_000); // holds the transaction open inside the gateway call
        CompletableFuture<Placement> inFlight = CompletableFuture.supplyAsync(
                () -> client.place(run, OrderRequest.of(OrderRequest.Kind.HAPPY, run.fixture())));
        await().atMost(Duration.ofSeconds(3)).until(() -> openTransactions() == 1);
        run.inject(Fault.ORDER_CRASH);
        assertThat(inFlight.get()).isInstanceOf(Placement.Refused.class);
        assertThat(((Placement.Refused) inFlight.get()).why()).startsWith("connection");
        await().atMost(Duration.ofSeconds(3)).until(() -> openTransactions() == 0);
        assertThat(run.facts()).as("nothing of the killed order committed").isEmpty();
        run.heal(Fault.ORDER_CRASH);
        run.heal(Fault.ACCOUNTING_SLOW);
        assertThat(Outcome.of(awaitFinal(place(OrderRequest.Kind.HAPPY), Duration.ofSeconds(5))))
                .isEqualTo(Outcome.COMPLETED);
    }

    private long openTransactions() throws Exception {
        try (Connection connection = DriverManager.getConnection(run.jdbcUrl());
                ResultSet row = connection
                        .createStatement()
                        .executeQuery("SELECT count(*) FROM pg_stat_activity"
                                + " WHERE datname = current_database() AND state = 'idle in transaction'")) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void history_holds_only_what_the_rows_hold_with_no_cause_for_an_approval() throws Exception {
        String orderId = place(OrderRequest.Kind.HAPPY);
        List<HistoryStep> history = run.history(orderId);
        assertThat(history)
                .extracting(HistoryStep::change)
                .contains("APPROVED", "ticket CONFIRMED", "payment AUTHORIZED");
        assertThat(history).extracting(HistoryStep::change).doesNotContain("APPROVAL_PENDING", "ticket PENDING");
        assertThat(history).allSatisfy(step -> assertThat(step.cause()).isNull());
        assertThat(run.journey(orderId))
                .extracting(m -> m.from() + "->" + m.to())
                .startsWith("client->monolith")
                .contains("monolith->database", "monolith->payment gateway")
                .endsWith("monolith->client");
    }

    private HttpResponse<String> post(String body) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(run.orderApi().resolve("/api/orders"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
