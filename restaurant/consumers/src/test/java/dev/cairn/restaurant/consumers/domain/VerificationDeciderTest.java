package dev.cairn.restaurant.consumers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.restaurant.consumers.domain.VerificationCommand.VerifyConsumer;
import dev.cairn.restaurant.contracts.ConsumerEvent;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerificationFailed;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerified;
import dev.cairn.restaurant.contracts.VerificationFailure;
import dev.cairn.testing.DeciderFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VerificationDeciderTest {

    private static DeciderFixture<VerificationCommand, Verification, ConsumerEvent> decider() {
        return DeciderFixture.of(new VerificationDecider());
    }

    @Nested
    class VerifyConsumerCommand {

        @Test
        void verifies_an_active_consumer() {
            decider()
                    .when(new VerifyConsumer("o1", "c1", ConsumerStanding.ACTIVE))
                    .thenEvents(new ConsumerVerified("c1", "o1"))
                    .thenState(Verification.VERIFIED);
        }

        @Test
        void fails_an_unknown_consumer() {
            decider()
                    .when(new VerifyConsumer("o1", "c9", ConsumerStanding.UNKNOWN))
                    .thenEvents(new ConsumerVerificationFailed("c9", "o1", VerificationFailure.CONSUMER_UNKNOWN));
        }

        @Test
        void fails_an_inactive_consumer() {
            decider()
                    .when(new VerifyConsumer("o1", "c1", ConsumerStanding.INACTIVE))
                    .thenEvents(new ConsumerVerificationFailed("c1", "o1", VerificationFailure.CONSUMER_INACTIVE))
                    .thenState(Verification.FAILED);
        }

        @Test
        void decides_only_once_even_if_the_standing_changed() {
            decider()
                    .given(new ConsumerVerified("c1", "o1"))
                    .when(new VerifyConsumer("o1", "c1", ConsumerStanding.INACTIVE))
                    .thenNothing();
            decider()
                    .given(new ConsumerVerificationFailed("c1", "o1", VerificationFailure.CONSUMER_UNKNOWN))
                    .when(new VerifyConsumer("o1", "c1", ConsumerStanding.ACTIVE))
                    .thenNothing();
        }

        @Test
        void goes_to_the_order_s_verification_stream() {
            assertThat(new VerifyConsumer("o1", "c1", ConsumerStanding.ACTIVE).streamId())
                    .isEqualTo("verification-o1");
        }
    }
}
