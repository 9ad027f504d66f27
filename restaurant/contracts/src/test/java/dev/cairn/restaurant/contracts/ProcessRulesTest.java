package dev.cairn.restaurant.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.cairn.restaurant.contracts.OrderEvent.OrderApproved;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCancellationRequested;
import dev.cairn.restaurant.contracts.TicketEvent.TicketConfirmed;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProcessRulesTest {

    static final ProcessRules<List<String>> PER_ORDER = ProcessRules.<List<String>>perInstance()
            .on(OrderApproved.class, OrderApproved::orderId, (seen, approved) -> append(seen, "approved"))
            .on(TicketConfirmed.class, TicketConfirmed::orderId, (seen, confirmed) -> append(seen, "confirmed"));

    static List<String> append(List<String> seen, String what) {
        return Stream.concat(seen.stream(), Stream.of(what)).toList();
    }

    @Test
    void triggers_instances_and_evolution_come_from_the_same_rules() {
        assertThat(PER_ORDER.triggers()).containsExactly(OrderApproved.class, TicketConfirmed.class);
        assertThat(PER_ORDER.instanceOf(new TicketConfirmed("o7"))).contains("o7");
        assertThat(PER_ORDER.evolve(List.of(), new OrderApproved("o7"))).containsExactly("approved");
    }

    @Test
    void an_event_without_a_rule_belongs_to_no_instance_and_changes_nothing() {
        List<String> state = List.of("approved");
        assertThat(PER_ORDER.instanceOf(new OrderCancellationRequested("o7"))).isEmpty();
        assertThat(PER_ORDER.evolve(state, new OrderCancellationRequested("o7")))
                .isSameAs(state);
    }

    @Test
    void one_instance_rules_put_every_followed_event_in_it() {
        var rules = ProcessRules.<Integer>oneInstance("all").on(OrderApproved.class, (count, approved) -> count + 1);
        assertThat(rules.instanceOf(new OrderApproved("o1"))).contains("all");
        assertThat(rules.evolve(1, new OrderApproved("o1"))).isEqualTo(2);
    }

    @Test
    void a_type_is_ruled_once_and_per_instance_rules_must_name_the_instance() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PER_ORDER.on(OrderApproved.class, OrderApproved::orderId, (s, e) -> s));
        assertThatIllegalStateException()
                .isThrownBy(() -> ProcessRules.<Integer>perInstance().on(OrderApproved.class, (s, e) -> s));
    }
}
