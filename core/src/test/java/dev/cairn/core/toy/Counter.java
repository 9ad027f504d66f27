package dev.cairn.core.toy;

import dev.cairn.core.codec.EncodedEvent;
import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.codec.UnknownEventTypeException;
import dev.cairn.core.model.Decider;
import dev.cairn.core.model.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** A tiny domain for core's tests: counters that can be incremented up to a limit and closed. */
public final class Counter {
    private Counter() {}

    public sealed interface Command {
        String id();

        record Increment(String id, int by) implements Command {}

        record Close(String id) implements Command {}

        /** Reopens a closed counter; nothing to do on an open one. */
        record Reopen(String id) implements Command {}
    }

    public sealed interface Event {
        String id();

        record Incremented(String id, int by) implements Event {}

        record Closed(String id) implements Event {}

        record Reopened(String id) implements Event {}
    }

    public record State(int value, boolean closed) {}

    public static final int LIMIT = 1_000_000;

    public static String stream(String id) {
        return "counter-" + id;
    }

    public static final class CounterDecider implements Decider<Command, State, Event> {
        @Override
        public State initialState() {
            return new State(0, false);
        }

        @Override
        public List<Event> decide(Command command, State state) {
            return switch (command) {
                case Command.Increment increment -> increment(increment, state);
                case Command.Close close -> state.closed() ? List.of() : List.of(new Event.Closed(close.id()));
                case Command.Reopen reopen -> state.closed() ? List.of(new Event.Reopened(reopen.id())) : List.of();
            };
        }

        private List<Event> increment(Command.Increment increment, State state) {
            if (state.closed()) {
                throw Rejection.notAllowed("COUNTER_CLOSED", "counter " + increment.id() + " is closed");
            }
            if (increment.by() <= 0) {
                throw Rejection.invalid("INVALID_AMOUNT", "by must be positive, was " + increment.by());
            }
            if ((long) state.value() + increment.by() > LIMIT) {
                throw Rejection.notAllowed("LIMIT_REACHED", "counter would pass " + LIMIT);
            }
            return List.of(new Event.Incremented(increment.id(), increment.by()));
        }

        @Override
        public State evolve(State state, Event event) {
            return switch (event) {
                case Event.Incremented incremented -> new State(state.value() + incremented.by(), state.closed());
                case Event.Closed closed -> new State(state.value(), true);
                case Event.Reopened reopened -> new State(state.value(), false);
            };
        }
    }

    /** Encodes "id|by" as UTF-8; good enough for tests, and it exercises the codec contract. */
    public static final class Codec implements EventCodec<Event> {
        @Override
        public EncodedEvent encode(Event event) {
            return switch (event) {
                case Event.Incremented e ->
                    new EncodedEvent("counter.Incremented", (e.id() + "|" + e.by()).getBytes(StandardCharsets.UTF_8));
                case Event.Closed e -> new EncodedEvent("counter.Closed", e.id().getBytes(StandardCharsets.UTF_8));
                case Event.Reopened e -> new EncodedEvent("counter.Reopened", e.id().getBytes(StandardCharsets.UTF_8));
            };
        }

        @Override
        public Event decode(String type, byte[] data) {
            String text = new String(data, StandardCharsets.UTF_8);
            return switch (type) {
                case "counter.Incremented" -> {
                    int bar = text.lastIndexOf('|');
                    yield new Event.Incremented(text.substring(0, bar), Integer.parseInt(text.substring(bar + 1)));
                }
                case "counter.Closed" -> new Event.Closed(text);
                case "counter.Reopened" -> new Event.Reopened(text);
                default -> throw new UnknownEventTypeException(type, typeNames());
            };
        }

        @Override
        public boolean knows(String type) {
            return typeNames().contains(type);
        }

        @Override
        public Set<String> typeNames() {
            return Set.of("counter.Incremented", "counter.Closed", "counter.Reopened");
        }
    }
}
