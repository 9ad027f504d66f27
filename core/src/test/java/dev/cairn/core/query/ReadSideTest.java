package dev.cairn.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.command.CommandContext;
import dev.cairn.core.command.CommandHandler;
import dev.cairn.core.command.CommandResult;
import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.processing.Processors;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.toy.Counter;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadSideTest {

    /** The only thing a query gets: a question-shaped, read-only view. */
    interface CounterTotals {
        int total(String id);
    }

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final Counter.Codec codec = new Counter.Codec();
    private final Map<String, Integer> totals = new ConcurrentHashMap<>();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final TrackingProcessor processor = Processors.projection("totals", store, codec, envelope -> {
                await(gate);
                if (envelope.event() instanceof Counter.Event.Incremented e) {
                    totals.merge(e.id(), e.by(), Integer::sum);
                }
            })
            .build();
    private final ReadSide<CounterTotals> readSide = new ReadSide<>(id -> totals.getOrDefault(id, 0), processor);

    @AfterEach
    void close() {
        gate.countDown();
        processor.stop();
        store.close();
    }

    @Test
    void answers_with_the_position_the_view_had_processed() {
        processor.start();
        var answer = readSide.ask(view -> view.total("a"));
        assertThat(answer).isEqualTo(new ReadSide.Answer<>(0, 0L));
    }

    @Test
    void a_query_consistent_with_a_command_position_sees_the_command() {
        processor.start();
        var handler = CommandHandler.of(store, new Counter.CounterDecider(), codec, c -> Counter.stream(c.id()));
        var accepted = (CommandResult.Accepted)
                handler.handle(new Counter.Command.Increment("a", 4), CommandContext.startingWith(UUID.randomUUID()));

        assertThat(readSide.ask(view -> view.total("a")).value()).isZero();
        gate.countDown();
        var answer = readSide.ask(view -> view.total("a"), accepted.position(), Duration.ofSeconds(5));

        assertThat(answer.value()).isEqualTo(4);
        assertThat(answer.position()).isGreaterThanOrEqualTo(accepted.position());
    }

    @Test
    void gives_up_with_a_clear_error_when_the_view_does_not_catch_up_in_time() {
        processor.start();
        assertThatThrownBy(() -> readSide.ask(view -> view.total("a"), 5, Duration.ofMillis(30)))
                .isInstanceOf(ConsistencyTimeoutException.class)
                .hasMessageContaining("not yet 5");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
