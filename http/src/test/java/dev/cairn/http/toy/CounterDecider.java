package dev.cairn.http.toy;

import dev.cairn.core.model.Decider;
import dev.cairn.core.model.Rejection;
import java.util.List;
import java.util.Set;

/** A counter: created from a known template, incremented until closed; one kind of rejection per rule. */
public final class CounterDecider implements Decider<CounterCommand, CounterDecider.State, CounterEvent> {

    /** The counter's state; {@code exists} false before creation. */
    public record State(boolean exists, boolean closed, long total) {}

    private final Set<String> templates;

    public CounterDecider(Set<String> templates) {
        this.templates = Set.copyOf(templates);
    }

    @Override
    public State initialState() {
        return new State(false, false, 0);
    }

    @Override
    public List<CounterEvent> decide(CounterCommand command, State state) {
        return switch (command) {
            case CounterCommand.CreateCounter create -> create(create, state);
            case CounterCommand.Increment increment -> increment(increment, state);
            case CounterCommand.Close close -> close(close, state);
        };
    }

    private List<CounterEvent> create(CounterCommand.CreateCounter create, State state) {
        if (state.exists()) {
            throw Rejection.notAllowed("COUNTER_EXISTS", "counter " + create.counterId() + " already exists");
        }
        if (!templates.contains(create.template())) {
            throw Rejection.unknownReference("UNKNOWN_TEMPLATE", "template '" + create.template() + "' is unknown");
        }
        return List.of(new CounterEvent.Created(create.counterId(), create.name(), create.start()));
    }

    private List<CounterEvent> increment(CounterCommand.Increment increment, State state) {
        if (!state.exists()) {
            throw Rejection.notFound("COUNTER_NOT_FOUND", "counter " + increment.counterId() + " does not exist");
        }
        if (state.closed()) {
            throw Rejection.notAllowed("COUNTER_CLOSED", "counter " + increment.counterId() + " is closed");
        }
        if (increment.by() == 13) {
            throw Rejection.invalid("UNLUCKY_INCREMENT", "an increment of 13 is not allowed");
        }
        return List.of(new CounterEvent.Incremented(increment.counterId(), increment.by()));
    }

    private List<CounterEvent> close(CounterCommand.Close close, State state) {
        if (!state.exists()) {
            throw Rejection.notFound("COUNTER_NOT_FOUND", "counter " + close.counterId() + " does not exist");
        }
        return state.closed() ? List.of() : List.of(new CounterEvent.Closed(close.counterId()));
    }

    @Override
    public State evolve(State state, CounterEvent event) {
        return switch (event) {
            case CounterEvent.Created created -> new State(true, false, created.start());
            case CounterEvent.Incremented incremented ->
                new State(true, state.closed(), state.total() + incremented.by());
            case CounterEvent.Closed closed -> new State(true, true, state.total());
        };
    }
}
