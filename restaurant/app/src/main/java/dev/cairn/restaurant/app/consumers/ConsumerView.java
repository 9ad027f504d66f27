package dev.cairn.restaurant.app.consumers;

/**
 * One consumer in {@code GET /api/consumers} and {@code GET /api/consumers/{id}}.
 *
 * @param active false once deactivated: their new orders are rejected with {@code CONSUMER_INACTIVE}
 */
public record ConsumerView(String consumerId, String name, boolean active) {

    ConsumerView withActive(boolean nowActive) {
        return new ConsumerView(consumerId, name, nowActive);
    }
}
