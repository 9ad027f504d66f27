package dev.cairn.restaurant.consumers.domain;

/**
 * The question {@link WhenOrderCreatedThenVerifyConsumer} asks of the consumers context's own
 * state. The host answers it from the consumer's stream (e.g. {@code
 * consumers.currentState(Streams.consumer(id)).standing()}), which is strongly consistent: a
 * consumer registered just before ordering is never mistaken for an unknown one.
 */
@FunctionalInterface
public interface ConsumerStandings {

    ConsumerStanding standingOf(String consumerId);
}
