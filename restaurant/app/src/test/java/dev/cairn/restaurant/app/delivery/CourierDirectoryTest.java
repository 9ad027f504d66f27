package dev.cairn.restaurant.app.delivery;

import dev.cairn.restaurant.contracts.CourierEvent.CourierAvailabilityChanged;
import dev.cairn.restaurant.contracts.CourierEvent.CourierRegistered;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryDelivered;
import dev.cairn.restaurant.contracts.DeliveryEvent.DeliveryScheduled;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.testing.ProjectionFixture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CourierDirectoryTest {

    private final ProjectionFixture<PublishedEvent, CourierDirectory> couriers =
            ProjectionFixture.of(CourierDirectory::new);

    @Test
    void lists_couriers_by_name_then_id() {
        couriers.given(
                        new CourierRegistered("k2", "Kim"),
                        new CourierRegistered("k3", "Ada"),
                        new CourierRegistered("k1", "Kim"))
                .then(
                        CourierDirectory::all,
                        List.of(
                                new CourierView("k3", "Ada", true, null),
                                new CourierView("k1", "Kim", true, null),
                                new CourierView("k2", "Kim", true, null)))
                .thenIdempotent(CourierDirectory::all);
    }

    @Test
    void follows_a_courier_through_availability_and_a_delivery() {
        couriers.given(
                        new CourierRegistered("k1", "Kim"),
                        new CourierAvailabilityChanged("k1", false),
                        new DeliveryScheduled("o1", "k1"))
                .then(directory -> directory.byId("k1"), Optional.of(new CourierView("k1", "Kim", false, "o1")))
                .given(new DeliveryDelivered("o1", "k1"))
                .then(directory -> directory.byId("k1"), Optional.of(new CourierView("k1", "Kim", false, null)))
                .thenIdempotent(CourierDirectory::all);
    }

    @Test
    void a_registration_seen_again_keeps_what_happened_since() {
        couriers.given(new CourierRegistered("k1", "Kim"), new CourierAvailabilityChanged("k1", false))
                .givenOn("courier-k1", new CourierRegistered("k1", "Kim"))
                .then(directory -> directory.byId("k1"), Optional.of(new CourierView("k1", "Kim", false, null)));
    }

    @Test
    void ignores_news_of_a_courier_it_never_saw() {
        couriers.given(new CourierAvailabilityChanged("k9", true), new DeliveryScheduled("o1", "k9"))
                .then(CourierDirectory::all, List.of());
    }
}
