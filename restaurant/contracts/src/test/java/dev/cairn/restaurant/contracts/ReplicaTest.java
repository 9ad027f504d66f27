package dev.cairn.restaurant.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.contracts.OrderEvent.OrderApproved;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCancelled;
import dev.cairn.restaurant.contracts.OrderEvent.OrderRejected;
import dev.cairn.testing.ProjectionFixture;
import dev.cairn.testing.SyntheticLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaTest {

    /** Remembers which orders were approved, in the order it saw them, so a repeat would show. */
    static final class ApprovedOrders extends Replica {
        final List<String> approved = new ArrayList<>();

        ApprovedOrders() {
            on(OrderApproved.class, event -> approved.add(event.orderId()));
            on(OrderRejected.class, event -> approved.remove(event.orderId()));
        }

        @Override
        protected void forget() {
            approved.clear();
        }
    }

    @Test
    void applies_each_registered_event_and_ignores_the_rest() {
        ProjectionFixture.of(ApprovedOrders::new)
                .given(
                        new OrderApproved("o1"),
                        new OrderCancelled("o1", CancellationReason.CANCELLED_BY_CONSUMER),
                        new OrderApproved("o2"),
                        new OrderRejected("o2", OrderRejectionReason.PAYMENT_DECLINED))
                .then(replica -> replica.approved, List.of("o1"))
                .then(Replica::position, 4L);
    }

    @Test
    void ignores_an_event_at_or_below_the_position_it_has_processed() {
        ProjectionFixture.of(ApprovedOrders::new)
                .given(new OrderApproved("o1"), new OrderApproved("o2"))
                .thenIdempotent(replica -> List.copyOf(replica.approved));

        var replica = new ApprovedOrders();
        List<Envelope<PublishedEvent>> log = SyntheticLog.<PublishedEvent>create()
                .appendAll(List.of(new OrderApproved("o1"), new OrderApproved("o2")));
        replica.apply(log.get(1));
        replica.apply(log.get(0));

        assertThat(replica.approved).as("an older event after a newer one").containsExactly("o2");
    }

    @Test
    void reset_forgets_the_data_and_the_position() {
        var replica = ProjectionFixture.of(ApprovedOrders::new)
                .given(new OrderApproved("o1"))
                .readModel();

        replica.reset();

        assertThat(replica.approved).isEmpty();
        assertThat(replica.position()).isZero();
    }

    @Test
    void its_triggers_are_the_registered_classes() {
        assertThat(new ApprovedOrders().triggerTypeNames())
                .containsExactlyInAnyOrder("ordering.OrderApproved", "ordering.OrderRejected");
    }

    @Test
    void registering_a_type_twice_is_a_mistake_it_refuses() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new Replica() {
                    {
                        on(OrderApproved.class, event -> {});
                        on(OrderApproved.class, event -> {});
                    }

                    @Override
                    protected void forget() {}
                })
                .withMessageContaining("OrderApproved");
    }
}
