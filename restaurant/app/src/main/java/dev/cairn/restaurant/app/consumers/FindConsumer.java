package dev.cairn.restaurant.app.consumers;

import java.util.Optional;

/** The question the consumers' read side answers. */
@FunctionalInterface
public interface FindConsumer {
    Optional<ConsumerView> byId(String consumerId);
}
