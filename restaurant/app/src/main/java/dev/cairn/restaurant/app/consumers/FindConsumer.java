package dev.cairn.restaurant.app.consumers;

import java.util.List;
import java.util.Optional;

/** The questions the consumers' read side answers. */
public interface FindConsumer {
    Optional<ConsumerView> byId(String consumerId);

    /** Every consumer, by name. */
    List<ConsumerView> all();
}
