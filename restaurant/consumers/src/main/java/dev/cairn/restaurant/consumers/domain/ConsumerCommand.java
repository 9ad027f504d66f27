package dev.cairn.restaurant.consumers.domain;

import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerRegistered;
import dev.cairn.restaurant.contracts.Require;
import dev.cairn.restaurant.contracts.Streams;

/** What may be asked of a consumer; all go to {@code consumer-<consumerId>}. */
public sealed interface ConsumerCommand {

    String consumerId();

    default String streamId() {
        return Streams.consumer(consumerId());
    }

    /** {@code POST /api/consumers}: a new consumer, active; the host chooses the id. */
    record RegisterConsumer(String consumerId, String name) implements ConsumerCommand {
        public RegisterConsumer {
            Require.id("consumerId", consumerId);
            Require.text("name", name, ConsumerRegistered.MAX_NAME_LENGTH);
        }
    }

    /** Stops the consumer's future orders from being approved. */
    record DeactivateConsumer(String consumerId) implements ConsumerCommand {
        public DeactivateConsumer {
            Require.id("consumerId", consumerId);
        }
    }

    /** Lets a deactivated consumer order again. */
    record ReactivateConsumer(String consumerId) implements ConsumerCommand {
        public ReactivateConsumer {
            Require.id("consumerId", consumerId);
        }
    }
}
