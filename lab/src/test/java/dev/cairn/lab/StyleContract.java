package dev.cairn.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.lab.OrderFacts.OrderState;
import dev.cairn.lab.OrderFacts.PaymentState;
import dev.cairn.lab.OrderFacts.TicketState;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every style must do, checked through its HTTP order API and its own storage: the happy path
 * and both failure paths end as the restaurant's rules say, and every fault that applies really
 * happens (a style that only pretended would fail here). Each style's test extends this.
 */
public abstract class StyleContract<R extends StyleRun> {

    private final Style style;
    private final Class<R> runType;

    protected R run;
    protected OrderClient client;
    private Path work;

    /**
     * @param runType the style's own kind of run, so that its test reaches what only that style has
     *                (its services' addresses, its databases, its fault knobs) without casting
     */
    protected StyleContract(Style style, Class<R> runType) {
        this.style = style;
        this.runType = runType;
    }

    /** The style under test. */
    protected Style style() {
        return style;
    }

    @BeforeEach
    void start() throws Exception {
        work = Files.createTempDirectory("cairn-lab-test");
        String prefix =
                "lab_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
        run = runType.cast(style.start(new LabEnvironment(TestPostgres.adminUrl(), work, prefix)));
        client = new OrderClient(Duration.ofSeconds(3), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        run.close();
    }

    protected String place(OrderRequest.Kind kind) {
        Placement placement = client.place(run, OrderRequest.of(kind, run.fixture()));
        assertThat(placement).as("placing a %s order", kind).isInstanceOf(Placement.Accepted.class);
        return ((Placement.Accepted) placement).orderId();
    }

    /** Places an order of {@code kind} and waits, ten seconds at most, until it is final; answers its id. */
    protected String placeSettled(OrderRequest.Kind kind) {
        String orderId = place(kind);
        awaitFinal(orderId, Duration.ofSeconds(10));
        return orderId;
    }

    protected OrderFacts awaitFinal(String orderId, Duration within) {
        return await().atMost(within)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> factsOf(orderId), f -> f.isPresent() && Outcome.of(f.get()) != Outcome.STUCK)
                .orElseThrow();
    }

    protected Optional<OrderFacts> factsOf(String orderId) throws Exception {
        return run.facts().stream().filter(f -> f.orderId().equals(orderId)).findFirst();
    }

    /** Opens a connection to {@code uri}'s port and closes it; a {@link ConnectException} when nothing listens there. */
    protected static void connect(URI uri) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1_000);
            assertThat(socket.isConnected()).isTrue();
        }
    }

    @Test
    void a_known_consumer_with_a_good_card_gets_an_approved_order_a_confirmed_ticket_and_an_authorised_payment() {
        OrderFacts facts = awaitFinal(place(OrderRequest.Kind.HAPPY), Duration.ofSeconds(10));
        assertThat(facts.order()).isEqualTo(OrderState.APPROVED);
        assertThat(facts.ticket()).isEqualTo(TicketState.CONFIRMED);
        assertThat(facts.payment()).isEqualTo(PaymentState.AUTHORIZED);
        assertThat(Outcome.of(facts)).isEqualTo(Outcome.COMPLETED);
        assertThat(facts.createdAt()).isNotNull();
        assertThat(facts.finalAt()).isAfterOrEqualTo(facts.createdAt());
    }

    @Test
    void an_unknown_consumer_is_rejected_and_nothing_is_charged() {
        OrderFacts facts = awaitFinal(place(OrderRequest.Kind.UNKNOWN_CONSUMER), Duration.ofSeconds(10));
        assertThat(facts.order()).isEqualTo(OrderState.REJECTED);
        assertThat(facts.payment()).isIn(PaymentState.NONE, PaymentState.DECLINED);
        assertThat(facts.ticket()).isIn(TicketState.NONE, TicketState.REJECTED, TicketState.CANCELLED);
        assertThat(Outcome.of(facts)).isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void a_declined_card_rejects_the_order_and_compensates_the_ticket() {
        OrderFacts facts = awaitFinal(place(OrderRequest.Kind.DECLINED_CARD), Duration.ofSeconds(10));
        assertThat(facts.order()).isEqualTo(OrderState.REJECTED);
        assertThat(facts.payment()).isEqualTo(PaymentState.DECLINED);
        assertThat(facts.ticket()).isIn(TicketState.NONE, TicketState.REJECTED, TicketState.CANCELLED);
        assertThat(Outcome.of(facts)).isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void a_completed_order_has_a_journey_and_a_history_attempt() throws Exception {
        String orderId = placeSettled(OrderRequest.Kind.HAPPY);
        List<Message> journey = run.journey(orderId);
        assertThat(journey).hasSizeGreaterThanOrEqualTo(4);
        assertThat(journey).extracting(Message::from).contains("client");
        assertThat(run.history(orderId)).isNotEmpty();
    }

    @Test
    void while_the_kitchen_is_down_no_order_is_approved_and_after_it_heals_accepted_ones_complete() throws Exception {
        if (style().inapplicable(Fault.KITCHEN_DOWN).isPresent()) {
            return; // the report says why; nothing to inject
        }
        run.inject(Fault.KITCHEN_DOWN);
        Placement during = client.place(run, OrderRequest.of(OrderRequest.Kind.HAPPY, run.fixture()));
        Thread.sleep(1_000);
        if (during instanceof Placement.Accepted accepted) {
            assertThat(factsOf(accepted.orderId()).map(OrderFacts::order))
                    .as("approved while the kitchen was down")
                    .isNotEqualTo(Optional.of(OrderState.APPROVED));
        }
        run.heal(Fault.KITCHEN_DOWN);
        if (during instanceof Placement.Accepted accepted) {
            assertThat(Outcome.of(awaitFinal(accepted.orderId(), Duration.ofSeconds(15))))
                    .isEqualTo(Outcome.COMPLETED);
        }
        assertThat(awaitFinal(place(OrderRequest.Kind.HAPPY), Duration.ofSeconds(10))
                        .order())
                .isEqualTo(OrderState.APPROVED);
    }

    @Test
    void while_accounting_is_slow_an_order_takes_at_least_the_delay_to_reach_its_final_state() throws Exception {
        if (style().inapplicable(Fault.ACCOUNTING_SLOW).isPresent()) {
            return;
        }
        run.inject(Fault.ACCOUNTING_SLOW);
        OrderFacts slow = awaitFinal(place(OrderRequest.Kind.HAPPY), Duration.ofSeconds(15));
        assertThat(Duration.between(slow.createdAt(), slow.finalAt()).toMillis())
                .isGreaterThanOrEqualTo(Fault.ACCOUNTING_DELAY_MS);
        run.heal(Fault.ACCOUNTING_SLOW);
        OrderFacts fast = awaitFinal(place(OrderRequest.Kind.HAPPY), Duration.ofSeconds(10));
        assertThat(Outcome.of(fast)).isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void a_crashed_order_service_refuses_orders_and_after_its_restart_takes_them_again() throws Exception {
        if (style().inapplicable(Fault.ORDER_CRASH).isPresent()) {
            return;
        }
        String before = place(OrderRequest.Kind.HAPPY);
        run.inject(Fault.ORDER_CRASH);
        Placement during = client.place(run, OrderRequest.of(OrderRequest.Kind.HAPPY, run.fixture()));
        assertThat(during).as("an order sent to a killed order service").isInstanceOf(Placement.Refused.class);
        run.heal(Fault.ORDER_CRASH);
        assertThat(awaitFinal(place(OrderRequest.Kind.HAPPY), Duration.ofSeconds(15))
                        .order())
                .isEqualTo(OrderState.APPROVED);
        assertThat(Outcome.of(awaitFinal(before, Duration.ofSeconds(15)))).isNotEqualTo(Outcome.STUCK);
    }
}
