package dev.cairn.restaurant.consumers.domain;

import dev.cairn.restaurant.consumers.domain.VerificationCommand.VerifyConsumer;
import dev.cairn.restaurant.contracts.OnEvent;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import java.util.Objects;

/**
 * OrderCreated → {@link VerifyConsumer} with the consumer's current standing. A redelivery may
 * read a newer standing; that is harmless because the verification decides only once.
 */
public final class WhenOrderCreatedThenVerifyConsumer extends OnEvent<VerificationCommand> {

    public WhenOrderCreatedThenVerifyConsumer(ConsumerStandings standings) {
        super(
                OrderCreated.class,
                created -> new VerifyConsumer(
                        created.orderId(), created.consumerId(), standings.standingOf(created.consumerId())));
        Objects.requireNonNull(standings, "standings");
    }
}
