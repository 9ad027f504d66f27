package dev.cairn.restaurant.systemtests.support;

import java.util.List;

/**
 * The contract's OrderView as a client reads it. Reading fails on any field the contract does not
 * name (the test mapper keeps Jackson's default of failing on unknown properties).
 */
public record View(
        String orderId,
        String consumerId,
        String restaurantId,
        String restaurantName,
        List<Item> items,
        long totalCents,
        String state,
        String reason,
        String ticketState,
        String paymentState,
        String deliveryState,
        String courierId,
        String createdAt,
        String updatedAt) {

    public record Item(String menuItemId, String name, int quantity, long priceCents) {}

    /** The fields that follow an order through its flows, in one line, for assertions and messages. */
    public Status status() {
        return new Status(state, reason, ticketState, paymentState, deliveryState, courierId);
    }

    public record Status(
            String state,
            String reason,
            String ticketState,
            String paymentState,
            String deliveryState,
            String courierId) {}
}
