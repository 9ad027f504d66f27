package dev.cairn.restaurant.ordering.domain;

import dev.cairn.restaurant.contracts.CancellationReason;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.Require;
import java.util.Optional;

/** An order as its own stream tells it. */
public sealed interface Order {

    record NotPlaced() implements Order {}

    /**
     * @param details     the order as placed
     * @param cancelledFor why it was cancelled, once {@link OrderStatus#CANCELLED}
     */
    record Placed(OrderCreated details, OrderStatus status, Optional<CancellationReason> cancelledFor)
            implements Order {
        public Placed {
            Require.present("details", details);
            Require.present("status", status);
            Require.present("cancelledFor", cancelledFor);
        }

        Placed in(OrderStatus newStatus) {
            return new Placed(details, newStatus, cancelledFor);
        }

        Placed cancelled(CancellationReason reason) {
            return new Placed(details, OrderStatus.CANCELLED, Optional.of(reason));
        }
    }
}
