package dev.cairn.lab;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A style's services, running. Clients place orders with {@code POST <orderApi>/api/orders} and
 * the restaurant's body ({@code consumerId, restaurantId, items, deliveryAddress, paymentToken});
 * a 2xx answer with {@code orderId} is an accepted order, anything else (or no answer in time) a
 * refusal.
 */
public interface StyleRun extends AutoCloseable {

    /** Where clients send orders: the order service (or the monolith). */
    URI orderApi();

    /**
     * The bearer token clients send with their orders, for a style whose order API is secured
     * (Cairn's restaurant system is); empty for the lab's own services, which trust the loopback.
     */
    default Optional<String> bearerToken() {
        return Optional.empty();
    }

    /** The consumer, restaurant and menu item the load orders with. */
    Fixture fixture();

    /** Applies a fault for real: services stopped, calls slowed, the order service killed. */
    void inject(Fault fault) throws Exception;

    /** Ends the fault: services restarted (on the storage they had), delays removed. */
    void heal(Fault fault) throws Exception;

    /**
     * What every service has stored about every order any of them knows, each read from that
     * service's own storage (rows, streams, views), never from what the client was told.
     */
    List<OrderFacts> facts() throws Exception;

    /**
     * Tries to rebuild every state change of one order, with its time and cause, from what the
     * style stores; steps it cannot know are left out or carry no cause. The lab judges the attempt.
     */
    List<HistoryStep> history(String orderId) throws Exception;

    /** One order's path through the services as messages (calls, commands, events), in order. */
    List<Message> journey(String orderId) throws Exception;

    /** Stops every service and removes what the style created (databases, directories). */
    @Override
    void close() throws Exception;
}
