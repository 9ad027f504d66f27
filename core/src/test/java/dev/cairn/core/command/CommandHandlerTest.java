package dev.cairn.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.model.Rejection;
import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.ForwardingEventStore;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.toy.Counter;
import dev.cairn.core.toy.Counter.Command.Increment;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CommandHandlerTest {

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final Counter.Codec codec = new Counter.Codec();

    @AfterEach
    void close() {
        store.close();
    }

    private CommandHandler<Counter.Command, Counter.State, Counter.Event> handler(
            EventStore on, int cacheSize, int attempts) {
        return CommandHandler.of(
                on, new Counter.CounterDecider(), codec, c -> Counter.stream(c.id()), cacheSize, attempts);
    }

    private static CommandContext fresh() {
        return CommandContext.startingWith(UUID.randomUUID());
    }

    @Nested
    class Accepting {
        @Test
        void appends_the_decided_events_and_answers_stream_version_and_position() {
            var handler = handler(store, 10, 3);
            handler.handle(new Increment("a", 1), fresh());
            CommandResult result = handler.handle(new Increment("a", 2), fresh());

            assertThat(result).isEqualTo(new CommandResult.Accepted("counter-a", 1, 2));
            assertThat(store.readStream("counter-a", 0))
                    .extracting(e -> e.type())
                    .containsExactly("counter.Incremented", "counter.Incremented");
        }

        @Test
        void carries_correlation_and_causation_from_the_context() {
            var context = new CommandContext(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            handler(store, 10, 3).handle(new Increment("a", 1), context);

            var recorded = store.readStream("counter-a", 0).getFirst();
            assertThat(recorded.eventId()).isEqualTo(context.eventId(0));
            assertThat(recorded.correlationId()).isEqualTo(context.correlationId());
            assertThat(recorded.causationId()).isEqualTo(context.commandId());
        }

        @Test
        void a_command_that_decides_nothing_appends_nothing() {
            var handler = handler(store, 10, 3);
            handler.handle(new Counter.Command.Close("a"), fresh());
            long head = store.headPosition();

            CommandResult result = handler.handle(new Counter.Command.Close("a"), fresh());

            assertThat(result).isEqualTo(new CommandResult.Accepted("counter-a", 0, head));
            assertThat(store.headPosition()).isEqualTo(head);
        }
    }

    @Nested
    class Rejecting {
        @Test
        void answers_the_reason_and_appends_nothing() {
            var handler = handler(store, 10, 3);
            CommandResult result = handler.handle(new Increment("a", -1), fresh());

            assertThat(result)
                    .isEqualTo(new CommandResult.Rejected(
                            Rejection.Kind.INVALID, "INVALID_AMOUNT", "by must be positive, was -1"));
            assertThat(store.headPosition()).isZero();
        }
    }

    @Nested
    class Idempotence {
        @Test
        void handling_the_same_command_twice_appends_once() {
            var handler = handler(store, 10, 3);
            var context = fresh();
            var first = handler.handle(new Increment("a", 5), context);
            handler.handle(new Increment("a", 1), fresh());

            var again = handler.handle(new Increment("a", 5), context);

            assertThat(again).isEqualTo(first);
            assertThat(store.readStream("counter-a", 0)).hasSize(2);
            assertThat(handler.currentState("counter-a").value()).isEqualTo(6);
        }

        @Test
        void a_retried_command_that_its_own_effect_now_refuses_answers_the_first_result() {
            var handler = handler(store, 10, 3);
            var context = fresh();
            var first = handler.handle(new Counter.Command.Increment("b", 1), fresh());
            var close = handler.handle(new Counter.Command.Close("b"), context);

            assertThat(handler.handle(new Counter.Command.Close("b"), context)).isEqualTo(close);
            assertThat(handler.handle(new Counter.Command.Increment("b", 1), context))
                    .isEqualTo(close);
            assertThat(handler.handle(new Counter.Command.Increment("b", 1), fresh()))
                    .isInstanceOf(CommandResult.Rejected.class);
            assertThat(first.accepted()).isTrue();
        }
    }

    @Nested
    class Conflicts {
        @Test
        void retries_when_another_writer_appended_between_load_and_append() {
            var interfering = new InterferingStore(store, 2);
            var result = handler(interfering, 10, 5).handle(new Increment("a", 1), fresh());

            assertThat(result).isEqualTo(new CommandResult.Accepted("counter-a", 2, 3));
            assertThat(interfering.appendAttempts.get()).isEqualTo(3);
        }

        @Test
        void a_stale_cached_state_that_sees_nothing_to_do_is_checked_against_the_stream() {
            var first = handler(store, 10, 3);
            first.handle(new Counter.Command.Increment("r", 1), fresh()); // first caches "open"
            handler(store, 10, 3).handle(new Counter.Command.Close("r"), fresh());

            var result = first.handle(new Counter.Command.Reopen("r"), fresh());

            assertThat(result).isInstanceOf(CommandResult.Accepted.class);
            assertThat(store.readStream("counter-r", 0))
                    .extracting(e -> e.type())
                    .containsExactly("counter.Incremented", "counter.Closed", "counter.Reopened");
        }

        @Test
        void a_stale_cached_state_that_refuses_is_checked_against_the_stream() {
            var first = handler(store, 10, 3);
            first.handle(new Counter.Command.Close("q"), fresh()); // first caches "closed"
            handler(store, 10, 3).handle(new Counter.Command.Reopen("q"), fresh());

            var result = first.handle(new Counter.Command.Increment("q", 1), fresh());

            assertThat(result.accepted()).isTrue();
            assertThat(first.currentState("counter-q")).isEqualTo(new Counter.State(1, false));
        }

        @Test
        void gives_up_after_the_bounded_number_of_attempts() {
            var interfering = new InterferingStore(store, Integer.MAX_VALUE);

            assertThatThrownBy(() -> handler(interfering, 10, 4).handle(new Increment("a", 1), fresh()))
                    .isInstanceOf(ConcurrencyConflictException.class)
                    .hasMessageContaining("counter-a");
            assertThat(interfering.appendAttempts.get()).isEqualTo(4);
        }

        @Test
        void cached_state_stays_correct_when_other_handlers_write_the_same_streams() throws Exception {
            var handlers = List.of(handler(store, 100, 50), handler(store, 100, 50), handler(store, 0, 50));
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<CommandResult>> results = new ArrayList<>();
                for (int i = 0; i < 3_000; i++) {
                    var handler = handlers.get(i % handlers.size());
                    String id = "c" + (i % 7);
                    results.add(pool.submit(() -> handler.handle(new Increment(id, 1), fresh())));
                }
                for (var result : results) {
                    assertThat(result.get().accepted()).isTrue();
                }
            } finally {
                pool.shutdown();
            }
            int total = 0;
            for (int c = 0; c < 7; c++) {
                int value = handlers.getFirst()
                        .currentState(Counter.stream("c" + c))
                        .value();
                assertThat(value)
                        .isEqualTo(store.readStream(Counter.stream("c" + c), 0).size());
                for (var handler : handlers) {
                    assertThat(handler.currentState(Counter.stream("c" + c)).value())
                            .isEqualTo(value);
                }
                total += value;
            }
            assertThat(total).isEqualTo(3_000);
        }
    }

    /** Appends a foreign event to the stream right before each of the first {@code interferences} appends. */
    private static final class InterferingStore extends ForwardingEventStore {
        final AtomicInteger appendAttempts = new AtomicInteger();
        private final int interferences;

        InterferingStore(EventStore delegate, int interferences) {
            super(delegate);
            this.interferences = interferences;
        }

        @Override
        public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
            if (appendAttempts.incrementAndGet() <= interferences) {
                delegate.append(
                        streamId,
                        ExpectedVersion.any(),
                        List.of(NewEvent.of(UUID.randomUUID(), "counter.Incremented", "a|0".getBytes())));
            }
            return delegate.append(streamId, expected, events);
        }
    }
}
