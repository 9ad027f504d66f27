package dev.cairn.restaurant.systemtests.support;

import dev.cairn.restaurant.systemtests.support.RestaurantApi.Restaurant;
import java.util.Map;
import java.util.UUID;

/**
 * Two of every party and an order linking each set, so that every route can be called on what is
 * the caller's own ({@code C1}, {@code R1}, {@code K1}, order {@code O1}), on someone else's
 * ({@code C2}, {@code R2}, {@code K2}, {@code O2}), and on an id nothing has.
 *
 * <p>O1 is C1's order at R1 delivered by K1, so "own" means the same order for every role.
 */
public record Parties(Side own, Side foreign, Side missing) {

    /** One consumer, restaurant, courier and order that belong together. */
    public record Side(String consumer, String restaurant, String courier, String order) {}

    /**
     * Registers the parties and brings both orders to an assigned delivery: only K2 is available
     * while O2 is accepted, only K1 while O1 is, so each courier gets the order meant for it.
     */
    public static Parties create(RestaurantApi api) {
        Restaurant r1 = api.registerRestaurant("Own Pizza", RestaurantApi.item("m1", "Margherita", 900));
        Restaurant r2 = api.registerRestaurant("Other Pizza", RestaurantApi.item("m1", "Margherita", 900));
        String c1 = api.registerConsumer("Own Consumer");
        String c2 = api.registerConsumer("Other Consumer");
        String k1 = api.registerCourier("Own Courier");
        String k2 = api.registerCourier("Other Courier");
        api.setAvailability(k1, false).expect(202);
        api.setAvailability(k2, true).expect(202);
        String o2 = assigned(api, api.acceptedOrder(c2, r2), k2);
        api.setAvailability(k2, false).expect(202);
        api.setAvailability(k1, true).expect(202);
        String o1 = assigned(api, api.acceptedOrder(c1, r1), k1);
        String nobody = "missing-" + UUID.randomUUID();
        return new Parties(
                new Side(c1, r1.restaurantId(), k1, o1),
                new Side(c2, r2.restaurantId(), k2, o2),
                new Side(nobody, nobody, nobody, nobody));
    }

    private static String assigned(RestaurantApi api, String order, String courier) {
        api.awaitOrder(order, view -> courier.equals(view.courierId()));
        return order;
    }

    /** The tokens' claims for each party role, acting for the own side. */
    public Map<String, String> ownIds() {
        return Map.of("consumer", own.consumer(), "restaurant", own.restaurant(), "courier", own.courier());
    }
}
