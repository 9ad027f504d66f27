package dev.cairn.core.processing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.command.CommandContext;
import dev.cairn.core.command.CommandHandler;
import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.toy.Counter;
import dev.cairn.core.toy.Counter.Command;
import dev.cairn.core.toy.Counter.Event;
import dev.cairn.core.toy.Counter.State;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReactionsAndProcessManagersTest {

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final Counter.Codec codec = new Counter.Codec();
    private final CommandHandler<Command, State, Event> counters =
            CommandHandler.of(store, new Counter.CounterDecider(), codec, c -> Counter.stream(c.id()));
    private final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();

    @AfterEach
    void close() {
        store.close();
    }

    private void increment(String id, int by) {
        counters.handle(new Command.Increment(id, by), CommandContext.startingWith(UUID.randomUUID()));
    }

    /** Mirrors every increment of a counter {@code x} onto counter {@code mirror.x}. */
    private static final Reaction<Event, Command> MIRROR = envelope -> switch (envelope.event()) {
        case Event.Incremented e
        when !e.id().startsWith("mirror.") -> List.of(new Command.Increment("mirror." + e.id(), e.by()));
        default -> List.of();
    };

    @Nested
    class Reactions {
        @Test
        void send_commands_that_carry_the_conversation_over() throws Exception {
            var context = CommandContext.startingWith(UUID.randomUUID());
            counters.handle(new Command.Increment("a", 2), context);
            var processor = Processors.reaction("mirror", store, codec, MIRROR, counters::handle)
                    .checkpoints(checkpoints)
                    .build();
            processor.start();
            try {
                assertThat(processor.awaitPosition(store.headPosition(), Duration.ofSeconds(5)))
                        .isTrue();
            } finally {
                processor.stop();
            }

            var cause = store.readStream("counter-a", 0).getFirst();
            var mirrored = store.readStream("counter-mirror.a", 0);
            assertThat(mirrored).singleElement().satisfies(e -> {
                assertThat(e.correlationId()).isEqualTo(context.correlationId());
                assertThat(counters.currentState("counter-mirror.a").value()).isEqualTo(2);
            });
            assertThat(cause.eventId()).isNotEqualTo(mirrored.getFirst().causationId());
            assertThat(mirrored.getFirst().causationId())
                    .isEqualTo(CommandContext.reactingTo("mirror", cause.eventId(), cause.correlationId(), 0)
                            .commandId());
        }

        @Test
        void redelivery_from_the_start_sends_nothing_twice() throws Exception {
            for (int i = 0; i < 30; i++) {
                increment("c" + (i % 4), 1);
            }
            var processor = Processors.reaction("mirror", store, codec, MIRROR, counters::handle)
                    .checkpoints(checkpoints)
                    .build();
            processor.start();
            try {
                processor.awaitPosition(60, Duration.ofSeconds(5));
                long head = store.headPosition();
                assertThat(head).isEqualTo(60);

                processor.reset();
                assertThat(processor.awaitPosition(head, Duration.ofSeconds(5))).isTrue();

                assertThat(store.headPosition()).isEqualTo(head);
                for (int c = 0; c < 4; c++) {
                    assertThat(counters.currentState("counter-mirror.c" + c).value())
                            .isEqualTo(counters.currentState("counter-c" + c).value());
                }
            } finally {
                processor.stop();
            }
        }
    }

    /** Joins "incremented to at least 3" and "closed" per counter, then bumps counter {@code done} once. */
    static final class CloseAfterThree implements ProcessManager<CloseAfterThree.Seen, Event, Command> {
        record Seen(int total, boolean closed) {
            boolean complete() {
                return total >= 3 && closed;
            }
        }

        @Override
        public Optional<String> instanceOf(Event event) {
            return event.id().equals("done") ? Optional.empty() : Optional.of(event.id());
        }

        @Override
        public Seen initialState() {
            return new Seen(0, false);
        }

        @Override
        public Seen evolve(Seen state, Event event) {
            return switch (event) {
                case Event.Incremented e -> new Seen(state.total() + e.by(), state.closed());
                case Event.Closed e -> new Seen(state.total(), true);
                case Event.Reopened e -> new Seen(state.total(), false);
            };
        }

        @Override
        public List<Command> react(Seen before, Seen after, Envelope<Event> event) {
            return !before.complete() && after.complete() ? List.of(new Command.Increment("done", 1)) : List.of();
        }
    }

    @Nested
    class ProcessManagers {
        private TrackingProcessor startJoin() {
            // Lanes by instance: a join's events come from different streams but must meet in order.
            var processor = Processors.processManager("join", store, codec, new CloseAfterThree(), counters::handle)
                    .checkpoints(checkpoints)
                    .concurrency(4)
                    .build();
            processor.start();
            return processor;
        }

        @Test
        void act_once_when_the_joined_events_are_all_in_whatever_their_order() throws Exception {
            increment("x", 2);
            close("y");
            var processor = startJoin();
            try {
                increment("x", 1);
                increment("x", 4);
                close("x");
                increment("z", 3);
                close("z");
                assertThat(processor.awaitPosition(store.headPosition(), Duration.ofSeconds(5)))
                        .isTrue();

                assertThat(counters.currentState("counter-done").value()).isEqualTo(2);
            } finally {
                processor.stop();
            }
        }

        @Test
        void rebuild_their_state_on_restart_without_acting_again() throws Exception {
            increment("x", 2);
            increment("y", 3);
            close("y");
            var first = startJoin();
            try {
                assertThat(first.awaitPosition(store.headPosition(), Duration.ofSeconds(5)))
                        .isTrue();
            } finally {
                first.stop();
            }
            assertThat(counters.currentState("counter-done").value()).isEqualTo(1);
            long headBeforeRestart = store.headPosition();

            var second = startJoin();
            try {
                assertThat(second.awaitPosition(headBeforeRestart, Duration.ofSeconds(5)))
                        .isTrue();
                assertThat(store.headPosition()).isEqualTo(headBeforeRestart);

                increment("x", 1);
                close("x");
                assertThat(second.awaitPosition(store.headPosition(), Duration.ofSeconds(5)))
                        .isTrue();

                assertThat(counters.currentState("counter-done").value())
                        .as("x completes only if its earlier increment was rebuilt from the log")
                        .isEqualTo(2);
            } finally {
                second.stop();
            }
        }

        private void close(String id) {
            counters.handle(new Command.Close(id), CommandContext.startingWith(UUID.randomUUID()));
        }
    }
}
