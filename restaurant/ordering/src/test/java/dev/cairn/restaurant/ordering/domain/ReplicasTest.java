package dev.cairn.restaurant.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.restaurant.contracts.Menu;
import dev.cairn.restaurant.contracts.MenuItem;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.RestaurantEvent.MenuRevised;
import dev.cairn.restaurant.contracts.RestaurantEvent.RestaurantRegistered;
import dev.cairn.restaurant.contracts.TicketEvent.TicketAccepted;
import dev.cairn.restaurant.contracts.TicketEvent.TicketPreparationStarted;
import dev.cairn.restaurant.contracts.TicketEvent.TicketReadyForPickup;
import dev.cairn.testing.ProjectionFixture;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReplicasTest {

    static final Menu MENU = new Menu(List.of(new MenuItem("m1", "Soup", 450)));
    static final Menu REVISED = new Menu(List.of(new MenuItem("m1", "Soup", 500), new MenuItem("m2", "Bread", 200)));
    static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

    @Nested
    class The_menu_replica {

        private final ProjectionFixture<PublishedEvent, MenuReplica> menus = ProjectionFixture.of(MenuReplica::new);

        @Test
        void knows_a_registered_restaurant_and_its_latest_menu() {
            menus.given(new RestaurantRegistered("r1", "Chez Ada", MENU), new MenuRevised("r1", REVISED))
                    .then(replica -> replica.find("r1"), Optional.of(new KnownRestaurant("r1", "Chez Ada", REVISED)))
                    .then(replica -> replica.find("r2"), Optional.empty())
                    .then(MenuReplica::position, 2L)
                    .thenIdempotent(replica -> replica.find("r1"));
        }

        @Test
        void ignores_a_redelivered_older_event() {
            MenuReplica replica = menus.given(
                            new RestaurantRegistered("r1", "Chez Ada", MENU), new MenuRevised("r1", REVISED))
                    .readModel();

            replica.apply(menus.envelopes().getFirst());

            assertThat(replica.find("r1").orElseThrow().menu()).isEqualTo(REVISED);
        }

        @Test
        void ignores_a_revision_of_a_restaurant_it_never_saw() {
            menus.given(new MenuRevised("r1", REVISED)).then(replica -> replica.find("r1"), Optional.empty());
        }

        @Test
        void forgets_everything_on_reset() {
            MenuReplica replica = menus.given(new RestaurantRegistered("r1", "Chez Ada", MENU))
                    .readModel();
            replica.reset();

            assertThat(replica.find("r1")).isEmpty();
            assertThat(replica.position()).isZero();
        }

        @Test
        void names_the_events_it_needs() {
            assertThat(new MenuReplica().triggerTypeNames())
                    .containsExactlyInAnyOrder("restaurants.RestaurantRegistered", "restaurants.MenuRevised");
        }
    }

    @Nested
    class The_preparation_replica {

        private final ProjectionFixture<PublishedEvent, PreparationReplica> preparations =
                ProjectionFixture.of(PreparationReplica::new);

        @Test
        void knows_an_order_started_once_the_kitchen_prepares_it() {
            preparations
                    .given(new TicketAccepted("o1", "r1", NOW, NOW.plusSeconds(600)))
                    .then(replica -> replica.preparationStarted("o1"), false);

            preparations
                    .given(new TicketPreparationStarted("o1"))
                    .then(replica -> replica.preparationStarted("o1"), true)
                    .thenIdempotent(replica -> replica.preparationStarted("o1"));
        }

        @Test
        void counts_a_later_kitchen_state_as_started() {
            preparations
                    .given(new TicketReadyForPickup("o2"))
                    .then(replica -> replica.preparationStarted("o2"), true)
                    .then(replica -> replica.preparationStarted("o1"), false);
        }

        @Test
        void forgets_everything_on_reset() {
            PreparationReplica replica =
                    preparations.given(new TicketPreparationStarted("o1")).readModel();
            replica.reset();

            assertThat(replica.preparationStarted("o1")).isFalse();
        }
    }
}
