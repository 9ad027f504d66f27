package dev.cairn.restaurant.ordering.domain;

import dev.cairn.restaurant.contracts.CancellationReason;
import dev.cairn.restaurant.contracts.OrderRejectionReason;
import dev.cairn.restaurant.contracts.Require;
import dev.cairn.restaurant.contracts.Streams;
import java.util.List;
import java.util.Optional;

/** What may be asked of an order; all go to {@code order-<orderId>}. */
public sealed interface OrderCommand {

    String orderId();

    default String streamId() {
        return Streams.order(orderId());
    }

    /**
     * {@code POST /api/orders}. The host chooses {@code orderId} and looks the restaurant up in
     * ordering's {@link MenuReplica}: a decider sees only the order's own stream, so the command
     * carries the menu it is priced against.
     *
     * @param items      {@code 1..}{@link #MAX_ITEMS} lines; a menu item may appear on several lines
     * @param restaurant the replica's entry for {@code restaurantId}, empty when it knows none
     */
    record PlaceOrder(
            String orderId,
            String consumerId,
            String restaurantId,
            List<RequestedItem> items,
            String deliveryAddress,
            String paymentToken,
            Optional<KnownRestaurant> restaurant)
            implements OrderCommand {

        public static final int MAX_ITEMS = 50;
        public static final int MAX_ADDRESS_LENGTH = 500;
        public static final int MAX_TOKEN_LENGTH = 200;

        public PlaceOrder {
            Require.id("orderId", orderId);
            Require.id("consumerId", consumerId);
            Require.id("restaurantId", restaurantId);
            items = Require.list("items", items, 1, MAX_ITEMS);
            Require.text("deliveryAddress", deliveryAddress, MAX_ADDRESS_LENGTH);
            Require.text("paymentToken", paymentToken, MAX_TOKEN_LENGTH);
            Require.present("restaurant", restaurant);
            if (restaurant.isPresent() && !restaurant.get().restaurantId().equals(restaurantId)) {
                throw new IllegalArgumentException("the replica entry is for restaurant "
                        + restaurant.get().restaurantId() + ", not " + restaurantId);
            }
        }
    }

    /** Sent when the payment is authorised. */
    record ApproveOrder(String orderId) implements OrderCommand {
        public ApproveOrder {
            Require.id("orderId", orderId);
        }
    }

    /** Sent when the consumer could not be verified or the payment was declined. */
    record RejectOrder(String orderId, OrderRejectionReason reason) implements OrderCommand {
        public RejectOrder {
            Require.id("orderId", orderId);
            Require.present("reason", reason);
        }
    }

    /**
     * {@code POST /api/orders/{id}/cancel}: the consumer asks to cancel.
     *
     * @param preparationStarted whether ordering's {@link PreparationReplica} has seen the kitchen
     *                           start; the kitchen has the last word if the replica lags
     */
    record CancelOrder(String orderId, boolean preparationStarted) implements OrderCommand {
        public CancelOrder {
            Require.id("orderId", orderId);
        }
    }

    /** Sent when the kitchen refused the cancellation: the order stands. */
    record RefuseCancellation(String orderId) implements OrderCommand {
        public RefuseCancellation {
            Require.id("orderId", orderId);
        }
    }

    /** Sent when the payment was reversed: the cancellation is complete. */
    record CompleteCancellation(String orderId, CancellationReason reason) implements OrderCommand {
        public CompleteCancellation {
            Require.id("orderId", orderId);
            Require.present("reason", reason);
        }
    }

    /** Sent when the delivery is delivered: the order is complete. */
    record CompleteOrder(String orderId) implements OrderCommand {
        public CompleteOrder {
            Require.id("orderId", orderId);
        }
    }
}
