package dev.cairn.restaurant.app.delivery;

/**
 * One courier in {@code GET /api/couriers}.
 *
 * @param busyWith the order it is delivering, null when none
 */
public record CourierView(String courierId, String name, boolean available, String busyWith) {}
