package dev.cairn.restaurant.contracts;

import java.util.List;

/** Facts of the ordering context, in {@code order-<orderId>}. */
public sealed interface OrderEvent extends PublishedEvent {

    String orderId();

    /**
     * An order was placed and priced against the menu (state {@code APPROVAL_PENDING}). Carries
     * everything the other contexts need, so none of them has to ask ordering anything.
     *
     * @param totalCents   the sum of the lines' subtotals
     * @param paymentToken what accounting authorises; never shown by a view
     */
    record OrderCreated(
            String orderId,
            String consumerId,
            String restaurantId,
            String restaurantName,
            List<OrderLine> lines,
            long totalCents,
            String deliveryAddress,
            String paymentToken)
            implements OrderEvent {
        public OrderCreated {
            Require.id("orderId", orderId);
            Require.id("consumerId", consumerId);
            Require.id("restaurantId", restaurantId);
            Require.present("restaurantName", restaurantName);
            lines = List.copyOf(Require.present("lines", lines));
            Require.present("deliveryAddress", deliveryAddress);
            Require.present("paymentToken", paymentToken);
        }
    }

    /** The payment was authorised (state {@code APPROVED}). */
    record OrderApproved(String orderId) implements OrderEvent {
        public OrderApproved {
            Require.id("orderId", orderId);
        }
    }

    /** The order was refused before approval (state {@code REJECTED}). */
    record OrderRejected(String orderId, OrderRejectionReason reason) implements OrderEvent {
        public OrderRejected {
            Require.id("orderId", orderId);
            Require.present("reason", reason);
        }
    }

    /** The consumer asked to cancel (state {@code CANCEL_PENDING}); the kitchen decides. */
    record OrderCancellationRequested(String orderId) implements OrderEvent {
        public OrderCancellationRequested {
            Require.id("orderId", orderId);
        }
    }

    /** The kitchen had started preparing, so the order stands (state back to {@code APPROVED}). */
    record OrderCancellationRefused(String orderId) implements OrderEvent {
        public OrderCancellationRefused {
            Require.id("orderId", orderId);
        }
    }

    /** The order is cancelled and its payment reversed (state {@code CANCELLED}). */
    record OrderCancelled(String orderId, CancellationReason reason) implements OrderEvent {
        public OrderCancelled {
            Require.id("orderId", orderId);
            Require.present("reason", reason);
        }
    }

    /** The order was delivered (state {@code COMPLETED}): the end of a successful order. */
    record OrderCompleted(String orderId) implements OrderEvent {
        public OrderCompleted {
            Require.id("orderId", orderId);
        }
    }
}
