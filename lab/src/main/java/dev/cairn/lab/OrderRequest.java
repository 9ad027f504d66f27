package dev.cairn.lab;

import java.util.Objects;

/**
 * One order as the load places it. Which consumer and token it carries decides the path it should
 * take: approved, rejected for an unknown consumer, or rejected for a declined payment.
 */
public record OrderRequest(
        String consumerId,
        String restaurantId,
        String menuItemId,
        int quantity,
        String deliveryAddress,
        String paymentToken) {

    public OrderRequest {
        Objects.requireNonNull(consumerId, "consumerId");
        Objects.requireNonNull(restaurantId, "restaurantId");
        Objects.requireNonNull(menuItemId, "menuItemId");
        Objects.requireNonNull(deliveryAddress, "deliveryAddress");
        Objects.requireNonNull(paymentToken, "paymentToken");
    }

    /** The kinds of order the load mixes. */
    public enum Kind {
        HAPPY,
        UNKNOWN_CONSUMER,
        DECLINED_CARD
    }

    public static OrderRequest of(Kind kind, Fixture fixture) {
        String consumer = kind == Kind.UNKNOWN_CONSUMER ? fixture.unknownConsumerId() : fixture.consumerId();
        String token = kind == Kind.DECLINED_CARD ? Fixture.DECLINED_TOKEN : Fixture.GOOD_TOKEN;
        return new OrderRequest(consumer, fixture.restaurantId(), fixture.menuItemId(), 2, "1 Lab Street", token);
    }

    /** The restaurant's {@code POST /api/orders} body. */
    public String json() {
        return "{\"consumerId\":\"" + consumerId + "\",\"restaurantId\":\"" + restaurantId
                + "\",\"items\":[{\"menuItemId\":\"" + menuItemId + "\",\"quantity\":" + quantity
                + "}],\"deliveryAddress\":\"" + deliveryAddress + "\",\"paymentToken\":\"" + paymentToken + "\"}";
    }
}
