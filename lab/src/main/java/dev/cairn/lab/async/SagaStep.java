package dev.cairn.lab.async;

import dev.cairn.restaurant.ordering.domain.OrderCommand;
import java.util.Objects;

/** What the saga does on a step: send a message to another service, or decide on its own order. */
sealed interface SagaStep {

    /** Appends the message to the addressed service's inbox. */
    record Send(ServiceMessage message) implements SagaStep {
        public Send {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Has the order service's own decider decide (approve or reject the order). */
    record Conclude(OrderCommand command) implements SagaStep {
        public Conclude {
            Objects.requireNonNull(command, "command");
        }
    }
}
