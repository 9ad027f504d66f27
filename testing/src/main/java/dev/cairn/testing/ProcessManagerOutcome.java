package dev.cairn.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ProcessManagerFixture} process manager did with the event under test, and
 * everything it sent since the first given event.
 *
 * @param <S> the state of one instance
 * @param <E> the events it follows
 * @param <C> the commands it sends
 */
public final class ProcessManagerOutcome<S, E, C> {

    private final Scenario scenario;
    private final Optional<String> instance;
    private final List<SentCommand<C>> sent;
    private final List<SentCommand<C>> allSent;
    private final Map<String, S> states;

    ProcessManagerOutcome(
            Scenario scenario,
            Optional<String> instance,
            List<SentCommand<C>> sent,
            List<SentCommand<C>> allSent,
            Map<String, S> states) {
        this.scenario = scenario;
        this.instance = instance;
        this.sent = sent;
        this.allSent = allSent;
        this.states = states;
    }

    /** Expects exactly these commands, in this order, in reaction to the event under test. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, never stored or written
    public final ProcessManagerOutcome<S, E, C> thenCommands(C... expected) {
        return check(
                "the process manager sent other commands than expected on the last event",
                Arrays.asList(expected),
                sent);
    }

    /** Expects the event under test to send nothing. */
    public ProcessManagerOutcome<S, E, C> thenNothing() {
        return check("the process manager sent commands on the last event where none were expected", List.of(), sent);
    }

    /** Expects exactly these commands, in this order, over the given events and the event under test. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, never stored or written
    public final ProcessManagerOutcome<S, E, C> thenAllCommands(C... expected) {
        return check(
                "the process manager sent other commands than expected over the whole history",
                Arrays.asList(expected),
                allSent);
    }

    /** Expects the state of the instance the event under test belongs to. */
    public ProcessManagerOutcome<S, E, C> thenState(S expected) {
        if (instance.isEmpty()) {
            throw scenario.failure("expected a state, but the last event belongs to no instance")
                    .error();
        }
        return thenState(instance.get(), expected);
    }

    /** Expects the state of {@code instanceId}. */
    public ProcessManagerOutcome<S, E, C> thenState(String instanceId, S expected) {
        if (!states.containsKey(instanceId)) {
            throw scenario.failure("no event reached instance '" + instanceId + "'; instances: "
                            + states.keySet().stream().sorted().toList())
                    .expected(String.valueOf(expected), "(no instance)");
        }
        S actual = states.get(instanceId);
        if (!Objects.equals(actual, expected)) {
            throw scenario.failure("the state of instance '" + instanceId + "' differs")
                    .expected(String.valueOf(expected), String.valueOf(actual));
        }
        return this;
    }

    /** The commands sent on the event under test, with their contexts. */
    public List<SentCommand<C>> sent() {
        return sent;
    }

    /** Every command sent since the first given event, in order, with their contexts. */
    public List<SentCommand<C>> allSent() {
        return allSent;
    }

    /** The instance the event under test belongs to, if any. */
    public Optional<String> instance() {
        return instance;
    }

    /** The state of an instance, or empty when no event reached it. */
    public Optional<S> state(String instanceId) {
        return Optional.ofNullable(states.get(instanceId));
    }

    /** Compares the commands alone: their contexts are derived, and {@link #sent()} is there to check them. */
    private ProcessManagerOutcome<S, E, C> check(
            String headline, List<? extends C> expected, List<SentCommand<C>> actual) {
        List<C> commands = actual.stream().map(SentCommand::command).toList();
        if (!commands.equals(expected)) {
            throw scenario.failure(headline).expected(Failure.numbered(expected), Failure.numbered(commands));
        }
        return this;
    }
}
