package dev.cairn.restaurant.contracts;

/**
 * Stream ids: {@code <category>-<id>}. The category (the part before the first '-') names the
 * entity kind and selects filtered reads, so categories hold no '-' while ids (UUIDs) may. The
 * entities of one order (order, ticket, verification, payment, delivery) share the order's id.
 */
public final class Streams {

    /** A consumer's registration and activity; consumers context. */
    public static final String CONSUMER = "consumer";
    /** The verification of one order's consumer; consumers context. */
    public static final String VERIFICATION = "verification";
    /** A restaurant and its menu; restaurants context. */
    public static final String RESTAURANT = "restaurant";
    /** An order; ordering context. */
    public static final String ORDER = "order";
    /** The kitchen ticket of an order; kitchen context. */
    public static final String TICKET = "ticket";
    /** The payment of an order; accounting context. */
    public static final String PAYMENT = "payment";
    /** The delivery of an order; delivery context. */
    public static final String DELIVERY = "delivery";
    /** A courier; delivery context. */
    public static final String COURIER = "courier";

    private Streams() {}

    public static String consumer(String consumerId) {
        return CONSUMER + "-" + consumerId;
    }

    public static String verification(String orderId) {
        return VERIFICATION + "-" + orderId;
    }

    public static String restaurant(String restaurantId) {
        return RESTAURANT + "-" + restaurantId;
    }

    public static String order(String orderId) {
        return ORDER + "-" + orderId;
    }

    public static String ticket(String orderId) {
        return TICKET + "-" + orderId;
    }

    public static String payment(String orderId) {
        return PAYMENT + "-" + orderId;
    }

    public static String delivery(String orderId) {
        return DELIVERY + "-" + orderId;
    }

    public static String courier(String courierId) {
        return COURIER + "-" + courierId;
    }
}
