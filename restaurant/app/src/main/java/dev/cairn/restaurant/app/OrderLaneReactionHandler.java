package dev.cairn.restaurant.app;

import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.command.CommandContext;
import dev.cairn.core.command.CommandResult;
import dev.cairn.core.command.CommandSender;
import dev.cairn.core.processing.Envelope;
import dev.cairn.core.processing.EventHandler;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TriggeredReaction;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a reaction group as core's {@code Processors.reaction} does (same derived command ids, a
 * rejection is an outcome, not a failure), but hands the processor's lanes one key per order
 * rather than per stream. A group reads several streams of one order — kitchen reads
 * {@code order-}, {@code verification-}, {@code payment-} and {@code delivery-<orderId>} — and
 * lanes keyed by stream let a ConsumerVerificationFailed overtake the OrderCreated logged before
 * it: the ticket was rejected before it existed, then created, and stayed CREATE_PENDING for good.
 */
final class OrderLaneReactionHandler<C> implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OrderLaneReactionHandler.class);

    private final String name;
    private final EventCodec<PublishedEvent> codec;
    private final TriggeredReaction<C> reaction;
    private final CommandSender<C> sender;

    OrderLaneReactionHandler(String name, EventCodec<PublishedEvent> codec, TriggeredReaction<C> reaction, CommandSender<C> sender) {
        this.name = name;
        this.codec = codec;
        this.reaction = reaction;
        this.sender = sender;
    }

    @Override
    public void handle(RecordedEvent recorded) {
        Envelope<PublishedEvent> event = new Envelope<>(codec.decode(recorded.type(), recorded.data()), recorded);
        List<C> commands = reaction.react(event);
        for (int i = 0; i < commands.size(); i++) {
            CommandContext context = CommandContext.reactingTo(name, event.eventId(), event.correlationId(), i);
            if (sender.send(commands.get(i), context) instanceof CommandResult.Rejected rejected) {
                LOG.debug("{}: {} caused by {} was rejected: {}", name, commands.get(i).getClass().getSimpleName(), recorded, rejected.reason());
            }
        }
    }

    /** The id after the stream's category: the order id for every stream of an order (see {@code Streams}). */
    @Override
    public String partitionKey(RecordedEvent recorded) {
        String stream = recorded.streamId();
        return stream.substring(stream.indexOf('-') + 1);
    }
}
