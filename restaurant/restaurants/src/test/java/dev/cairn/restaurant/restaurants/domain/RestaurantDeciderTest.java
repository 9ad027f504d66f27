package dev.cairn.restaurant.restaurants.domain;

import static dev.cairn.core.model.Rejection.Kind.INVALID;
import static dev.cairn.core.model.Rejection.Kind.NOT_ALLOWED;
import static dev.cairn.core.model.Rejection.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.model.Rejection;
import dev.cairn.restaurant.contracts.Menu;
import dev.cairn.restaurant.contracts.MenuItem;
import dev.cairn.restaurant.contracts.RestaurantEvent;
import dev.cairn.restaurant.contracts.RestaurantEvent.MenuRevised;
import dev.cairn.restaurant.contracts.RestaurantEvent.RestaurantRegistered;
import dev.cairn.restaurant.restaurants.domain.RestaurantCommand.RegisterRestaurant;
import dev.cairn.restaurant.restaurants.domain.RestaurantCommand.ReviseMenu;
import dev.cairn.testing.DeciderFixture;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RestaurantDeciderTest {

    private static final Menu MENU =
            new Menu(List.of(new MenuItem("m1", "Soup", 450), new MenuItem("m2", "Bread", 200)));
    private static final Menu NEW_MENU = new Menu(List.of(new MenuItem("m1", "Soup", 500)));
    static final RestaurantRegistered CHEZ_ADA = new RestaurantRegistered("r1", "Chez Ada", MENU);

    private static DeciderFixture<RestaurantCommand, Restaurant, RestaurantEvent> decider() {
        return DeciderFixture.of(new RestaurantDecider());
    }

    @Nested
    class RegisterRestaurantCommand {

        @Test
        void registers_a_restaurant_with_its_menu() {
            decider()
                    .when(new RegisterRestaurant("r1", "Chez Ada", MENU))
                    .thenEvents(CHEZ_ADA)
                    .thenState(new Restaurant.Registered("Chez Ada", MENU));
        }

        @Test
        void answers_a_repeated_registration_with_no_events() {
            decider()
                    .given(CHEZ_ADA)
                    .when(new RegisterRestaurant("r1", "Chez Ada", MENU))
                    .thenNothing();
        }

        @Test
        void refuses_to_register_an_existing_id_with_other_details() {
            decider()
                    .given(CHEZ_ADA)
                    .when(new RegisterRestaurant("r1", "Chez Ada", NEW_MENU))
                    .thenRejected(NOT_ALLOWED, "ALREADY_EXISTS")
                    .thenMessageContains("r1");
        }

        @Test
        void rejects_a_blank_name_and_a_missing_menu() {
            assertThatThrownBy(() -> new RegisterRestaurant("r1", "", MENU))
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.kind()).isEqualTo(INVALID))
                    .hasMessageStartingWith("name");
            assertThatThrownBy(() -> new RegisterRestaurant("r1", "Chez Ada", null))
                    .hasMessageStartingWith("menu");
        }

        @Test
        void goes_to_the_restaurant_stream() {
            assertThat(new RegisterRestaurant("r1", "Chez Ada", MENU).streamId())
                    .isEqualTo("restaurant-r1");
        }
    }

    @Nested
    class ReviseMenuCommand {

        @Test
        void replaces_the_menu() {
            decider()
                    .given(CHEZ_ADA)
                    .when(new ReviseMenu("r1", NEW_MENU))
                    .thenEvents(new MenuRevised("r1", NEW_MENU))
                    .thenState(new Restaurant.Registered("Chez Ada", NEW_MENU));
        }

        @Test
        void answers_an_unchanged_menu_with_no_events() {
            decider().given(CHEZ_ADA).when(new ReviseMenu("r1", MENU)).thenNothing();
        }

        @Test
        void refuses_an_unknown_restaurant() {
            decider()
                    .when(new ReviseMenu("r9", MENU))
                    .thenRejected(NOT_FOUND, "RESTAURANT_NOT_FOUND")
                    .thenMessageContains("r9");
        }
    }
}
