package dev.cairn.restaurant.browser;

/**
 * What an order's row shows in one of its columns, read from the row's {@code data-*} attribute:
 * the vocabulary of {@link RestaurantPage#waitForOrder(String, OrderShows...)}.
 */
record OrderShows(String attribute, String value) {

    static OrderShows state(String value) {
        return new OrderShows("data-state", value);
    }

    static OrderShows reason(String value) {
        return new OrderShows("data-reason", value);
    }

    static OrderShows ticket(String value) {
        return new OrderShows("data-ticket", value);
    }

    static OrderShows payment(String value) {
        return new OrderShows("data-payment", value);
    }

    static OrderShows delivery(String value) {
        return new OrderShows("data-delivery", value);
    }
}
