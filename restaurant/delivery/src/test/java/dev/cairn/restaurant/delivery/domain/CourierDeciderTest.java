package dev.cairn.restaurant.delivery.domain;

import static dev.cairn.core.model.Rejection.Kind.NOT_ALLOWED;
import static dev.cairn.core.model.Rejection.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.restaurant.contracts.CourierEvent.CourierAvailabilityChanged;
import dev.cairn.restaurant.contracts.CourierEvent.CourierRegistered;
import dev.cairn.restaurant.contracts.CourierEvent;
import dev.cairn.restaurant.delivery.domain.CourierCommand.RegisterCourier;
import dev.cairn.restaurant.delivery.domain.CourierCommand.SetCourierAvailability;
import dev.cairn.restaurant.testing.DeciderSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CourierDeciderTest {

    private final DeciderSpec<CourierCommand, Courier, CourierEvent> spec = DeciderSpec.of(new CourierDecider());

    @Nested
    class RegisterCourierCommand {

        @Test
        void registers_an_available_courier() {
            Courier after = spec.givenNothing()
                    .when(new RegisterCourier("k1", "Kim"))
                    .thenEvents(new CourierRegistered("k1", "Kim"))
                    .thenState();

            assertThat(after).isEqualTo(new Courier.Registered("Kim", true));
        }

        @Test
        void answers_a_repeated_registration_with_no_events() {
            spec.given(new CourierRegistered("k1", "Kim")).when(new RegisterCourier("k1", "Kim")).thenNoEvents();
        }

        @Test
        void refuses_an_existing_id_under_another_name() {
            spec.given(new CourierRegistered("k1", "Kim")).when(new RegisterCourier("k1", "Lee")).thenRejected(NOT_ALLOWED, "ALREADY_EXISTS");
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
            Courier after = spec.given(new CourierRegistered("k1", "Kim"))
                    .when(new SetCourierAvailability("k1", false))
                    .thenEvents(new CourierAvailabilityChanged("k1", false))
                    .thenState();
            assertThat(after).isEqualTo(new Courier.Registered("Kim", false));

            spec.given(new CourierRegistered("k1", "Kim"), new CourierAvailabilityChanged("k1", false))
                    .when(new SetCourierAvailability("k1", true))
                    .thenEvents(new CourierAvailabilityChanged("k1", true));
        }

        @Test
        void answers_an_unchanged_availability_with_no_events() {
            spec.given(new CourierRegistered("k1", "Kim")).when(new SetCourierAvailability("k1", true)).thenNoEvents();
        }

        @Test
        void refuses_an_unknown_courier() {
            spec.givenNothing().when(new SetCourierAvailability("k9", true)).thenRejected(NOT_FOUND, "COURIER_NOT_FOUND").contains("k9");
        }
    }
}
