package dev.cairn.restaurant.orderhistory.domain;

import dev.cairn.restaurant.contracts.Require;
import java.util.Locale;
import java.util.Optional;

/**
 * A question for {@link FindOrdersOfConsumer}.
 *
 * @param consumerId whose orders; empty for every consumer's (the web page's live list)
 * @param state      only orders in this state
 * @param keyword    only orders whose restaurant or an item name contains it, ignoring case
 * @param limit      {@code 1..}{@link #MAX_LIMIT} orders per page
 * @param after      continue after this cursor
 * @param restaurantId only orders placed with this restaurant
 * @param courierId    only orders delivered by this courier
 */
public record OrdersOfConsumer(
        Optional<String> consumerId,
        Optional<OrderState> state,
        Optional<String> keyword,
        int limit,
        Optional<OrderCursor> after,
        Optional<String> restaurantId,
        Optional<String> courierId) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_KEYWORD_LENGTH = 100;

    public OrdersOfConsumer {
        Require.present("consumerId", consumerId).ifPresent(id -> Require.id("consumerId", id));
        Require.present("state", state);
        Require.present("keyword", keyword).ifPresent(q -> Require.text("q", q, MAX_KEYWORD_LENGTH));
        Require.between("limit", limit, 1, MAX_LIMIT);
        Require.present("after", after);
        Require.present("restaurantId", restaurantId);
        Require.present("courierId", courierId);
    }

    /** A question about every restaurant's and courier's orders. */
    public OrdersOfConsumer(
            Optional<String> consumerId,
            Optional<OrderState> state,
            Optional<String> keyword,
            int limit,
            Optional<OrderCursor> after) {
        this(consumerId, state, keyword, limit, after, Optional.empty(), Optional.empty());
    }

    /** The same question, about this consumer's orders only. */
    public OrdersOfConsumer ofConsumer(String id) {
        return new OrdersOfConsumer(Optional.of(id), state, keyword, limit, after, restaurantId, courierId);
    }

    /** The same question, about the orders placed with this restaurant only. */
    public OrdersOfConsumer ofRestaurant(String id) {
        return new OrdersOfConsumer(consumerId, state, keyword, limit, after, Optional.of(id), courierId);
    }

    /** The same question, about the orders this courier delivers only. */
    public OrdersOfConsumer ofCourier(String id) {
        return new OrdersOfConsumer(consumerId, state, keyword, limit, after, restaurantId, Optional.of(id));
    }

    /**
     * The query from raw request parameters, each {@code null} or blank when absent.
     *
     * @throws dev.cairn.core.model.Rejection INVALID naming the parameter that is wrong
     */
    public static OrdersOfConsumer parse(String consumerId, String state, String q, String limit, String cursor) {
        return new OrdersOfConsumer(
                given(consumerId),
                given(state).map(OrdersOfConsumer::state),
                given(q).map(String::strip),
                given(limit).map(OrdersOfConsumer::limit).orElse(DEFAULT_LIMIT),
                given(cursor).map(OrderCursor::decode));
    }

    /** Whether the view passes the state and keyword filters. */
    boolean matches(OrderView view) {
        return state.map(wanted -> wanted == view.state()).orElse(true)
                && restaurantId.map(id -> id.equals(view.restaurantId())).orElse(true)
                && courierId.map(id -> id.equals(view.courierId())).orElse(true)
                && keyword.map(q -> mentions(view, q.toLowerCase(Locale.ROOT))).orElse(true);
    }

    private static boolean mentions(OrderView view, String lowerCaseKeyword) {
        return view.restaurantName().toLowerCase(Locale.ROOT).contains(lowerCaseKeyword)
                || view.items().stream()
                        .anyMatch(item -> item.name().toLowerCase(Locale.ROOT).contains(lowerCaseKeyword));
    }

    private static Optional<String> given(String parameter) {
        return parameter == null || parameter.isBlank() ? Optional.empty() : Optional.of(parameter);
    }

    private static OrderState state(String text) {
        try {
            return OrderState.valueOf(text.strip());
        } catch (IllegalArgumentException unknown) {
            throw Require.invalid(
                    "state must be one of APPROVAL_PENDING, APPROVED, REJECTED, CANCEL_PENDING, CANCELLED, was "
                            + text.strip());
        }
    }

    private static int limit(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException notANumber) {
            throw Require.invalid("limit must be a whole number between 1 and " + MAX_LIMIT);
        }
    }
}
