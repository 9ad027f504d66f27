package dev.cairn.restaurant.consumers.domain;

import static dev.cairn.core.model.Rejection.Kind.INVALID;
import static dev.cairn.core.model.Rejection.Kind.NOT_ALLOWED;
import static dev.cairn.core.model.Rejection.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.model.Rejection;
import dev.cairn.restaurant.consumers.domain.ConsumerCommand.DeactivateConsumer;
import dev.cairn.restaurant.consumers.domain.ConsumerCommand.ReactivateConsumer;
import dev.cairn.restaurant.consumers.domain.ConsumerCommand.RegisterConsumer;
import dev.cairn.restaurant.contracts.ConsumerEvent;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerDeactivated;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerReactivated;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerRegistered;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerified;
import dev.cairn.testing.DeciderFixture;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConsumerDeciderTest {

    static final ConsumerRegistered ADA = new ConsumerRegistered("c1", "Ada");
    static final ConsumerDeactivated DEACTIVATED = new ConsumerDeactivated("c1");

    private static DeciderFixture<ConsumerCommand, Consumer, ConsumerEvent> decider() {
        return DeciderFixture.of(new ConsumerDecider());
    }

    /** The consumer's standing once the command, decided after the given events, produced the one event. */
    private static ConsumerStanding standingAfter(
            List<ConsumerEvent> given, ConsumerCommand command, ConsumerEvent decided) {
        return decider().given(given).when(command).thenEvents(decided).state().standing();
    }

    @Nested
    class RegisterConsumerCommand {

        @Test
        void registers_a_new_consumer_as_active() {
            Consumer after = decider()
                    .when(new RegisterConsumer("c1", "Ada"))
                    .thenEvents(ADA)
                    .state();

            assertThat(after).isEqualTo(new Consumer.Registered("Ada", true));
            assertThat(after.standing()).isEqualTo(ConsumerStanding.ACTIVE);
        }

        @Test
        void answers_a_repeated_registration_with_no_events() {
            decider().given(ADA).when(new RegisterConsumer("c1", "Ada")).thenNothing();
        }

        @Test
        void refuses_to_register_an_existing_id_under_another_name() {
            decider()
                    .given(ADA)
                    .when(new RegisterConsumer("c1", "Grace"))
                    .thenRejected(NOT_ALLOWED, "ALREADY_EXISTS")
                    .thenMessageContains("c1");
        }

        @Test
        void rejects_a_blank_name() {
            assertThatThrownBy(() -> new RegisterConsumer("c1", " "))
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.kind()).isEqualTo(INVALID))
                    .hasMessageContaining("name");
        }

        @Test
        void rejects_a_missing_id() {
            assertThatThrownBy(() -> new RegisterConsumer(null, "Ada")).hasMessageContaining("consumerId");
        }

        @Test
        void goes_to_the_consumer_stream() {
            assertThat(new RegisterConsumer("c1", "Ada").streamId()).isEqualTo("consumer-c1");
        }
    }

    @Nested
    class DeactivateConsumerCommand {

        @Test
        void deactivates_an_active_consumer() {
            assertThat(standingAfter(List.of(ADA), new DeactivateConsumer("c1"), DEACTIVATED))
                    .isEqualTo(ConsumerStanding.INACTIVE);
        }

        @Test
        void answers_an_inactive_consumer_with_no_events() {
            decider().given(ADA, DEACTIVATED).when(new DeactivateConsumer("c1")).thenNothing();
        }

        @Test
        void refuses_an_unknown_consumer() {
            decider()
                    .when(new DeactivateConsumer("c9"))
                    .thenRejected(NOT_FOUND, "CONSUMER_NOT_FOUND")
                    .thenMessageContains("c9");
        }
    }

    @Nested
    class ReactivateConsumerCommand {

        @Test
        void reactivates_an_inactive_consumer() {
            assertThat(standingAfter(
                            List.of(ADA, DEACTIVATED), new ReactivateConsumer("c1"), new ConsumerReactivated("c1")))
                    .isEqualTo(ConsumerStanding.ACTIVE);
        }

        @Test
        void answers_an_active_consumer_with_no_events() {
            decider().given(ADA).when(new ReactivateConsumer("c1")).thenNothing();
        }

        @Test
        void refuses_an_unknown_consumer() {
            decider().when(new ReactivateConsumer("c9")).thenRejected(NOT_FOUND, "CONSUMER_NOT_FOUND");
        }
    }

    @Test
    void an_unregistered_consumer_stands_unknown_and_verification_events_change_nothing() {
        ConsumerDecider decider = new ConsumerDecider();

        assertThat(decider.initialState().standing()).isEqualTo(ConsumerStanding.UNKNOWN);
        assertThat(decider.evolve(new Consumer.Registered("Ada", true), new ConsumerVerified("c1", "o1")))
                .isEqualTo(new Consumer.Registered("Ada", true));
    }
}
