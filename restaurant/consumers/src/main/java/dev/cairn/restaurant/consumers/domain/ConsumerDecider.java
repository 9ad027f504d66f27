package dev.cairn.restaurant.consumers.domain;

import dev.cairn.core.model.Decider;
import dev.cairn.core.model.Rejection;
import dev.cairn.restaurant.consumers.domain.Consumer.Registered;
import dev.cairn.restaurant.consumers.domain.Consumer.Unregistered;
import dev.cairn.restaurant.consumers.domain.ConsumerCommand.DeactivateConsumer;
import dev.cairn.restaurant.consumers.domain.ConsumerCommand.ReactivateConsumer;
import dev.cairn.restaurant.consumers.domain.ConsumerCommand.RegisterConsumer;
import dev.cairn.restaurant.contracts.ConsumerEvent;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerDeactivated;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerReactivated;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerRegistered;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerificationFailed;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerified;
import java.util.List;

/**
 * A consumer's registration and activity, in {@code consumer-<consumerId>}. Repeating a command
 * whose effect is already there (registering the same name again, deactivating an inactive
 * consumer) succeeds with no events, so a retried request is harmless.
 */
public final class ConsumerDecider implements Decider<ConsumerCommand, Consumer, ConsumerEvent> {

    @Override
    public Consumer initialState() {
        return new Unregistered();
    }

    @Override
    public List<ConsumerEvent> decide(ConsumerCommand command, Consumer state) {
        return switch (command) {
            case RegisterConsumer register -> register(register, state);
            case DeactivateConsumer deactivate -> setActive(deactivate.consumerId(), false, state);
            case ReactivateConsumer reactivate -> setActive(reactivate.consumerId(), true, state);
        };
    }

    @Override
    public Consumer evolve(Consumer state, ConsumerEvent event) {
        return switch (event) {
            case ConsumerRegistered registered -> new Registered(registered.name(), true);
            case ConsumerDeactivated deactivated -> registered(state).withActive(false);
            case ConsumerReactivated reactivated -> registered(state).withActive(true);
            // Verification outcomes live in the order's verification stream, not here.
            case ConsumerVerified verified -> state;
            case ConsumerVerificationFailed failed -> state;
        };
    }

    private static List<ConsumerEvent> register(RegisterConsumer command, Consumer state) {
        return switch (state) {
            case Unregistered unregistered -> List.of(new ConsumerRegistered(command.consumerId(), command.name()));
            case Registered registered when registered.name().equals(command.name()) -> List.of();
            case Registered registered ->
                throw Rejection.notAllowed(
                        "ALREADY_EXISTS",
                        "consumer " + command.consumerId() + " is already registered under another name");
        };
    }

    private static List<ConsumerEvent> setActive(String consumerId, boolean active, Consumer state) {
        return switch (state) {
            case Unregistered unregistered ->
                throw Rejection.notFound("CONSUMER_NOT_FOUND", "consumer " + consumerId + " does not exist");
            case Registered registered when registered.active() == active -> List.of();
            case Registered registered ->
                List.of(active ? new ConsumerReactivated(consumerId) : new ConsumerDeactivated(consumerId));
        };
    }

    private static Registered registered(Consumer state) {
        if (state instanceof Registered registered) {
            return registered;
        }
        throw new IllegalStateException("an activity change before registration: the stream is corrupt");
    }
}
