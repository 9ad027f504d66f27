package dev.cairn.restaurant.contracts;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link Replica} that is a set of order ids: the orders another context's events have put in
 * some state (ready for pickup, preparation started). The subclass's {@link #on} registrations say
 * which events add an order and which remove it.
 */
public abstract class OrderSetReplica extends Replica {

    private final Set<String> orderIds = ConcurrentHashMap.newKeySet();

    protected final void add(String orderId) {
        orderIds.add(orderId);
    }

    protected final void remove(String orderId) {
        orderIds.remove(orderId);
    }

    protected final boolean holds(String orderId) {
        return orderIds.contains(orderId);
    }

    @Override
    protected final void forget() {
        orderIds.clear();
    }
}
