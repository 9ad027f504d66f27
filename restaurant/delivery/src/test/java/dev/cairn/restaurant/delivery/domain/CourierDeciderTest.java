package dev.cairn.restaurant.delivery.domain;

import static dev.cairn.core.model.Rejection.Kind.NOT_ALLOWED;
import static dev.cairn.core.model.Rejection.Kind.NOT_FOUND;
import static dev.cairn.restaurant.delivery.domain.Deliveries.KIM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.restaurant.contracts.CourierEvent;
import dev.cairn.restaurant.contracts.CourierEvent.CourierAvailabilityChanged;
import dev.cairn.restaurant.delivery.domain.CourierCommand.RegisterCourier;
import dev.cairn.restaurant.delivery.domain.CourierCommand.SetCourierAvailability;
import dev.cairn.testing.DeciderFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CourierDeciderTest {

    private static DeciderFixture<CourierCommand, Courier, CourierEvent> decider() {
        return DeciderFixture.of(new CourierDecider());
    }

    @Nested
    class RegisterCourierCommand {

        @Test
        void registers_an_available_courier() {
            decider()
                    .when(new RegisterCourier("k1", "Kim"))
                    .thenEvents(KIM)
                    .thenState(new Courier.Registered("Kim", true));
        }

        @Test
        void answers_a_repeated_registration_with_no_events() {
            decider().given(KIM).when(new RegisterCourier("k1", "Kim")).thenNothing();
        }

        @Test
        void refuses_an_existing_id_under_another_name() {
            decider().given(KIM).when(new RegisterCourier("k1", "Lee")).thenRejected(NOT_ALLOWED, "ALREADY_EXISTS");
        }

        @Test
        void rejects_a_blank_name_and_goes_to_the_courier_stream() {
            assertThatThrownBy(() -> new RegisterCourier("k1", "")).hasMessageStartingWith("name");
            assertThat(new RegisterCourier("k1", "Kim").streamId()).isEqualTo("courier-k1");
        }
    }

    @Nested
    class SetCourierAvailabilityCommand {

        @Test
        void makes_a_courier_unavailable_and_available_again() {
            decider()
                    .given(KIM)
                    .when(new SetCourierAvailability("k1", false))
                    .thenEvents(new CourierAvailabilityChanged("k1", false))
                    .thenState(new Courier.Registered("Kim", false));

            decider()
                    .given(KIM, new CourierAvailabilityChanged("k1", false))
                    .when(new SetCourierAvailability("k1", true))
                    .thenEvents(new CourierAvailabilityChanged("k1", true));
        }

        @Test
        void answers_an_unchanged_availability_with_no_events() {
            decider().given(KIM).when(new SetCourierAvailability("k1", true)).thenNothing();
        }

        @Test
        void refuses_an_unknown_courier() {
            decider()
                    .when(new SetCourierAvailability("k9", true))
                    .thenRejected(NOT_FOUND, "COURIER_NOT_FOUND")
                    .thenMessageContains("k9");
        }
    }
}
