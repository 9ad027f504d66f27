package dev.cairn.bench.compare;

import dev.cairn.bench.jmh.OrderAggregate;
import dev.cairn.bench.jmh.OrderAggregate.Event;
import dev.cairn.core.codec.EventCodec;
import dev.cairn.json.JsonEventCodec;
import java.util.HashMap;
import java.util.Map;

/** The order vocabulary every system handles: Cairn's decider, its JSON codec, and the read model W3 rebuilds. */
final class OrderDomain {
    private OrderDomain() {}

    static EventCodec<Event> codec() {
        return JsonEventCodec.builder(Event.class)
                .register("bench.OrderCreated", Event.OrderCreated.class)
                .register("bench.OrderApproved", Event.OrderApproved.class)
                .build();
    }

    /** The events of {@code orders} orders, created then approved: the log W3 replays. */
    static Event event(long index) {
        String orderId = Long.toString(index / 2);
        return index % 2 == 0
                ? new Event.OrderCreated(orderId, "consumer-" + (index % 97), 1250 + index % 1000)
                : new Event.OrderApproved(orderId);
    }

    /**
     * The read model W3 rebuilds: each order's status and the approved total. Applied by one
     * thread (every processor here delivers in log order on one thread); {@code count} is read by
     * the measuring thread.
     */
    static final class Board {
        private final Map<String, OrderAggregate.Status> statuses = new HashMap<>();
        private volatile long count;
        private long approvedOrders;

        void apply(Event event) {
            switch (event) {
                case Event.OrderCreated created -> statuses.put(created.orderId(), OrderAggregate.Status.PENDING);
                case Event.OrderApproved approved -> approve(approved);
            }
            count++;
        }

        private void approve(Event.OrderApproved approved) {
            if (statuses.replace(approved.orderId(), OrderAggregate.Status.APPROVED) != null) {
                approvedOrders++;
            }
        }

        long count() {
            return count;
        }

        long approved() {
            return approvedOrders;
        }

        void reset() {
            statuses.clear();
            count = 0;
            approvedOrders = 0;
        }
    }
}
