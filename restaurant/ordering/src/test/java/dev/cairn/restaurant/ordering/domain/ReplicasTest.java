package dev.cairn.restaurant.ordering.domain;

import static dev.cairn.restaurant.testing.Envelopes.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.restaurant.contracts.Menu;
import dev.cairn.restaurant.contracts.MenuItem;
import dev.cairn.restaurant.contracts.RestaurantEvent.MenuRevised;
import dev.cairn.restaurant.contracts.RestaurantEvent.RestaurantRegistered;
import dev.cairn.restaurant.contracts.TicketEvent.TicketAccepted;
import dev.cairn.restaurant.contracts.TicketEvent.TicketPreparationStarted;
import dev.cairn.restaurant.contracts.TicketEvent.TicketReadyForPickup;
import dev.cairn.restaurant.testing.Envelopes;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReplicasTest {

    static final Menu MENU = new Menu(List.of(new MenuItem("m1", "Soup", 450)));
    static final Menu REVISED = new Menu(List.of(new MenuItem("m1", "Soup", 500), new MenuItem("m2", "Bread", 200)));

    @Nested
    class The_menu_replica {

        private final MenuReplica replica = new MenuReplica();

        @Test
        void knows_a_registered_restaurant_and_its_latest_menu() {
            replica.apply(at(1, new RestaurantRegistered("r1", "Chez Ada", MENU)));
            replica.apply(at(2, new MenuRevised("r1", REVISED)));

            assertThat(replica.find("r1")).contains(new KnownRestaurant("r1", "Chez Ada", REVISED));
            assertThat(replica.find("r2")).isEmpty();
            assertThat(replica.position()).isEqualTo(2);
        }

        @Test
        void ignores_a_redelivered_older_event() {
            replica.apply(at(1, new RestaurantRegistered("r1", "Chez Ada", MENU)));
            replica.apply(at(2, new MenuRevised("r1", REVISED)));
            replica.apply(at(1, new RestaurantRegistered("r1", "Chez Ada", MENU)));

            assertThat(replica.find("r1").orElseThrow().menu()).isEqualTo(REVISED);
        }

        @Test
        void ignores_a_revision_of_a_restaurant_it_never_saw() {
            replica.apply(at(1, new MenuRevised("r1", REVISED)));

            assertThat(replica.find("r1")).isEmpty();
        }

        @Test
        void forgets_everything_on_reset() {
            replica.apply(at(1, new RestaurantRegistered("r1", "Chez Ada", MENU)));
            replica.reset();

            assertThat(replica.find("r1")).isEmpty();
            assertThat(replica.position()).isZero();
        }

        @Test
        void names_the_events_it_needs() {
            assertThat(replica.triggerTypeNames()).containsExactlyInAnyOrder("restaurants.RestaurantRegistered",
                    "restaurants.MenuRevised");
        }
    }

    @Nested
    class The_preparation_replica {

        private final PreparationReplica replica = new PreparationReplica();

        @Test
        void knows_an_order_started_once_the_kitchen_prepares_it() {
            replica.apply(at(1, new TicketAccepted("o1", "r1", Envelopes.T0, Envelopes.T0.plusSeconds(600))));
            assertThat(replica.preparationStarted("o1")).isFalse();

            replica.apply(at(2, new TicketPreparationStarted("o1")));
            assertThat(replica.preparationStarted("o1")).isTrue();
        }

        @Test
        void counts_a_later_kitchen_state_as_started() {
            replica.apply(at(1, new TicketReadyForPickup("o2")));

            assertThat(replica.preparationStarted("o2")).isTrue();
            assertThat(replica.preparationStarted("o1")).isFalse();
        }

        @Test
        void forgets_everything_on_reset() {
            replica.apply(at(1, new TicketPreparationStarted("o1")));
            replica.reset();

            assertThat(replica.preparationStarted("o1")).isFalse();
        }
    }
}
