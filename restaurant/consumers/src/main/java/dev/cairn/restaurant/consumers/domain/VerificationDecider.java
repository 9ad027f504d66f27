package dev.cairn.restaurant.consumers.domain;

import dev.cairn.core.model.Decider;
import dev.cairn.restaurant.consumers.domain.VerificationCommand.VerifyConsumer;
import dev.cairn.restaurant.contracts.ConsumerEvent;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerDeactivated;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerReactivated;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerRegistered;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerificationFailed;
import dev.cairn.restaurant.contracts.ConsumerEvent.ConsumerVerified;
import dev.cairn.restaurant.contracts.VerificationFailure;
import java.util.List;

/**
 * Vouches once for the consumer of an order, in {@code verification-<orderId>}. The outcome is
 * final: a redelivered {@link VerifyConsumer} finds it decided and appends nothing, even if the
 * consumer's standing changed in between. Keeping outcomes per order (rather than in the
 * consumer's stream) keeps a busy consumer's stream short.
 */
public final class VerificationDecider implements Decider<VerificationCommand, Verification, ConsumerEvent> {

    @Override
    public Verification initialState() {
        return Verification.PENDING;
    }

    @Override
    public List<ConsumerEvent> decide(VerificationCommand command, Verification state) {
        return switch (command) {
            case VerifyConsumer verify -> state == Verification.PENDING ? List.of(outcome(verify)) : List.of();
        };
    }

    @Override
    public Verification evolve(Verification state, ConsumerEvent event) {
        return switch (event) {
            case ConsumerVerified verified -> Verification.VERIFIED;
            case ConsumerVerificationFailed failed -> Verification.FAILED;
            case ConsumerRegistered registered -> state;
            case ConsumerDeactivated deactivated -> state;
            case ConsumerReactivated reactivated -> state;
        };
    }

    private static ConsumerEvent outcome(VerifyConsumer command) {
        return switch (command.standing()) {
            case ACTIVE -> new ConsumerVerified(command.consumerId(), command.orderId());
            case INACTIVE ->
                new ConsumerVerificationFailed(
                        command.consumerId(), command.orderId(), VerificationFailure.CONSUMER_INACTIVE);
            case UNKNOWN ->
                new ConsumerVerificationFailed(
                        command.consumerId(), command.orderId(), VerificationFailure.CONSUMER_UNKNOWN);
        };
    }
}
