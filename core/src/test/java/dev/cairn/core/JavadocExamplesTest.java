package dev.cairn.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.command.CommandContext;
import dev.cairn.core.command.CommandHandler;
import dev.cairn.core.command.CommandResult;
import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.processing.Processors;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.query.ReadSide;
import dev.cairn.core.query.ReadSide.Answer;
import dev.cairn.core.toy.Counter;
import dev.cairn.core.toy.Counter.Command.Increment;
import dev.cairn.core.toy.Counter.CounterDecider;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The examples of core's Javadoc ({@link CommandHandler}, {@link ReadSide}), exactly as written
 * there, with what they assume set up around them; keep both in step.
 */
class JavadocExamplesTest {

    /** The question-shaped view of the {@link ReadSide} example. */
    interface CounterTotals {
        int total(String id);
    }

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final Counter.Codec codec = new Counter.Codec();
    private final UUID requestId = UUID.randomUUID();

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void command_handler_example() {
        var counters = CommandHandler.of(store, new CounterDecider(), codec, command -> Counter.stream(command.id()));
        CommandResult result = counters.handle(new Increment("a", 4), CommandContext.startingWith(requestId));

        assertThat(result).isInstanceOf(CommandResult.Accepted.class);
        assertThat(counters.currentState(Counter.stream("a"))).isEqualTo(new Counter.State(4, false));
    }

    @Test
    void read_side_example() {
        Map<String, Integer> totalsByCounter = new ConcurrentHashMap<>();
        CounterTotals totalsView = id -> totalsByCounter.getOrDefault(id, 0);
        TrackingProcessor totalsProcessor = Processors.projection("totals", store, codec, envelope -> {
                    if (envelope.event() instanceof Counter.Event.Incremented incremented) {
                        totalsByCounter.merge(incremented.id(), incremented.by(), Integer::sum);
                    }
                })
                .build();
        var counters = CommandHandler.of(store, new CounterDecider(), codec, command -> Counter.stream(command.id()));
        var accepted =
                (CommandResult.Accepted) counters.handle(new Increment("a", 4), CommandContext.startingWith(requestId));
        totalsProcessor.start();
        try {
            var totals = new ReadSide<CounterTotals>(totalsView, totalsProcessor);
            Answer<Integer> answer = totals.ask(view -> view.total("a"), accepted.position(), Duration.ofSeconds(5));

            assertThat(answer.value()).isEqualTo(4);
            assertThat(answer.position()).isGreaterThanOrEqualTo(accepted.position());
        } finally {
            totalsProcessor.stop();
        }
    }
}
