package dev.cairn.restaurant.consumers.domain;

import dev.cairn.core.processing.Envelope;
import dev.cairn.restaurant.consumers.domain.VerificationCommand.VerifyConsumer;
import dev.cairn.restaurant.contracts.OrderEvent.OrderCreated;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * OrderCreated → {@link VerifyConsumer} with the consumer's current standing. A redelivery may
 * read a newer standing; that is harmless because the verification decides only once.
 */
public final class WhenOrderCreatedThenVerifyConsumer implements TriggeredReaction<VerificationCommand> {

    private final ConsumerStandings standings;

    public WhenOrderCreatedThenVerifyConsumer(ConsumerStandings standings) {
        this.standings = Objects.requireNonNull(standings, "standings");
    }

    @Override
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Set.of(OrderCreated.class);
    }

    @Override
    public List<VerificationCommand> react(Envelope<PublishedEvent> event) {
        if (event.event() instanceof OrderCreated created) {
            return List.of(new VerifyConsumer(created.orderId(), created.consumerId(),
                    standings.standingOf(created.consumerId())));
        }
        return List.of();
    }
}
