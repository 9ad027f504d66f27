package dev.cairn.restaurant.app.delivery;

/**
 * One courier in {@code GET /api/couriers}.
 *
 * @param busyWith the order it is delivering, null when none
 */
public record CourierView(String courierId, String name, boolean available, String busyWith) {

    CourierView withAvailable(boolean nowAvailable) {
        return new CourierView(courierId, name, nowAvailable, busyWith);
    }

    /** @param order the order it now delivers, null when none */
    CourierView withBusyWith(String order) {
        return new CourierView(courierId, name, available, order);
    }
}
