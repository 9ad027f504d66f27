package dev.cairn.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.lab.OrderFacts.OrderState;
import dev.cairn.lab.OrderFacts.PaymentState;
import dev.cairn.lab.OrderFacts.TicketState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryCheckTest {

    private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");
    private static final OrderFacts APPROVED = new OrderFacts(
            "o-1", OrderState.APPROVED, TicketState.CONFIRMED, PaymentState.AUTHORIZED, T, T.plusMillis(40));

    private static final List<HistoryStep> WHOLE = List.of(
            new HistoryStep("ordering", "OrderCreated", "client request", T),
            new HistoryStep("kitchen", "TicketCreated", "OrderCreated", T.plusMillis(10)),
            new HistoryStep("accounting", "PaymentAuthorized", "TicketCreated", T.plusMillis(20)),
            new HistoryStep("ordering", "OrderApproved", "PaymentAuthorized", T.plusMillis(40)));

    @Test
    void a_history_with_every_change_its_time_and_its_cause_is_recoverable() {
        assertThat(HistoryCheck.missing(APPROVED, WHOLE)).isEmpty();
    }

    @Test
    void rows_that_hold_only_the_present_state_are_not_a_history() {
        List<HistoryStep> rows = List.of(
                new HistoryStep("order", "PENDING", "client request", T),
                new HistoryStep("order", "APPROVED", null, T.plusMillis(40)));
        assertThat(HistoryCheck.missing(APPROVED, rows))
                .hasValueSatisfying(why -> assertThat(why).contains("no cause"));
    }

    @Test
    void a_change_without_a_time_is_not_enough() {
        List<HistoryStep> steps =
                List.of(WHOLE.get(0), new HistoryStep("kitchen", "TicketCreated", "OrderCreated", null));
        assertThat(HistoryCheck.missing(APPROVED, steps))
                .hasValueSatisfying(why -> assertThat(why).contains("no time"));
    }

    @Test
    void a_history_that_never_reaches_the_final_state_is_not_recoverable() {
        assertThat(HistoryCheck.missing(APPROVED, WHOLE.subList(0, 3)))
                .hasValueSatisfying(why -> assertThat(why).contains("APPROVED"));
    }

    @Test
    void a_history_that_leaves_out_a_service_holding_the_order_is_not_recoverable() {
        List<HistoryStep> onlyOrdering = List.of(WHOLE.get(0), WHOLE.get(3));
        assertThat(HistoryCheck.missing(APPROVED, onlyOrdering))
                .hasValueSatisfying(why -> assertThat(why).contains("services"));
    }

    @Test
    void steps_out_of_time_order_are_refused() {
        List<HistoryStep> shuffled = List.of(WHOLE.get(0), WHOLE.get(2), WHOLE.get(1), WHOLE.get(3));
        assertThat(HistoryCheck.missing(APPROVED, shuffled))
                .hasValueSatisfying(why -> assertThat(why).contains("time order"));
    }

    @Test
    void nothing_rebuilt_is_not_recoverable() {
        assertThat(HistoryCheck.missing(APPROVED, List.of())).isPresent();
    }
}
