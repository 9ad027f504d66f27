package dev.cairn.restaurant.orderhistory.domain;

import dev.cairn.restaurant.contracts.Require;

/**
 * A stored view with the bookkeeping that makes it idempotent and orderable.
 *
 * @param createdPosition the log position of OrderCreated: orders sort newest first by it, and cursors point at it
 * @param lastPosition    the log position of the last event applied; anything at or below it is a redelivery
 */
public record OrderViewRow(OrderView view, long createdPosition, long lastPosition) {

    public OrderViewRow {
        Require.present("view", view);
        if (lastPosition < createdPosition) {
            throw new IllegalArgumentException(
                    "lastPosition " + lastPosition + " is before createdPosition " + createdPosition);
        }
    }
}
