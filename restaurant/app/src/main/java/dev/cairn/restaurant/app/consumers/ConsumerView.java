package dev.cairn.restaurant.app.consumers;

/** {@code GET /api/consumers/{id}}. */
public record ConsumerView(String consumerId, String name) {}
