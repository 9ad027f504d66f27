package dev.cairn.testing;

import dev.cairn.core.model.Decider;
import dev.cairn.core.model.Rejection;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a {@link DeciderFixture} command came to: events, or a rejection. Each {@code then} method
 * returns this outcome, so expectations can be chained.
 *
 * @param <S> state
 * @param <E> events
 */
public final class DeciderOutcome<S, E> {

    private final Decider<?, S, E> decider;
    private final Scenario scenario;
    private final S state;
    private final List<E> events; // null when rejected
    private final Rejection rejection; // null when accepted

    private DeciderOutcome(Decider<?, S, E> decider, Scenario scenario, S state, List<E> events, Rejection rejection) {
        this.decider = decider;
        this.scenario = scenario;
        this.state = state;
        this.events = events;
        this.rejection = rejection;
    }

    static <S, E> DeciderOutcome<S, E> accepted(Decider<?, S, E> decider, Scenario scenario, S state, List<E> events) {
        return new DeciderOutcome<>(decider, scenario, state, List.copyOf(events), null);
    }

    static <S, E> DeciderOutcome<S, E> rejected(
            Decider<?, S, E> decider, Scenario scenario, S state, Rejection rejection) {
        return new DeciderOutcome<>(decider, scenario, state, null, rejection);
    }

    /** Expects exactly these events, in this order. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, never stored or written
    public final DeciderOutcome<S, E> thenEvents(E... expected) {
        return thenEvents(Arrays.asList(expected));
    }

    /** Expects exactly these events, in this order. */
    public DeciderOutcome<S, E> thenEvents(List<? extends E> expected) {
        if (rejection != null) {
            throw scenario.failure("expected events, but the command was rejected")
                    .expected(Failure.numbered(expected), describe());
        }
        if (!events.equals(expected)) {
            throw scenario.failure("the command produced other events than expected")
                    .expected(Failure.numbered(expected), describe());
        }
        return this;
    }

    /** Expects the command to be accepted with nothing to do. */
    public DeciderOutcome<S, E> thenNothing() {
        if (rejection != null) {
            throw scenario.failure("expected no events, but the command was rejected")
                    .expected(Failure.numbered(List.of()), describe());
        }
        if (!events.isEmpty()) {
            throw scenario.failure("expected no events, but the command produced some")
                    .expected(Failure.numbered(List.of()), describe());
        }
        return this;
    }

    /** Expects a rejection with this reason code, of any kind. */
    public DeciderOutcome<S, E> thenRejected(String reason) {
        return thenRejected("rejected " + reason, r -> r.reason().equals(reason));
    }

    /** Expects a rejection of this kind with this reason code. */
    public DeciderOutcome<S, E> thenRejected(Rejection.Kind kind, String reason) {
        return thenRejected(
                "rejected " + kind + " " + reason,
                r -> r.kind() == kind && r.reason().equals(reason));
    }

    /**
     * Expects a rejection whose message (the sentence for people) contains {@code fragment}, e.g. the
     * offending value; chain it after {@code thenRejected} to check kind and reason as well.
     */
    public DeciderOutcome<S, E> thenMessageContains(String fragment) {
        Objects.requireNonNull(fragment, "fragment");
        if (rejection == null) {
            throw scenario.failure("expected a rejection, but the command was accepted")
                    .expected("rejected with a message containing \"" + fragment + "\"", describe());
        }
        if (!String.valueOf(rejection.getMessage()).contains(fragment)) {
            throw scenario.failure("the rejection's message does not say what was expected")
                    .expected("a message containing \"" + fragment + "\"", describe());
        }
        return this;
    }

    /** Expects the state after the given events and the produced ones. */
    public DeciderOutcome<S, E> thenState(S expected) {
        if (rejection != null) {
            throw scenario.failure("expected a state after the command, but the command was rejected")
                    .expected(String.valueOf(expected), describe());
        }
        S after = state();
        if (!Objects.equals(after, expected)) {
            throw scenario.failure("the state after the command differs")
                    .list("then", events)
                    .expected(String.valueOf(expected), String.valueOf(after));
        }
        return this;
    }

    /**
     * The state after the given events and the produced ones, folded with the decider's own
     * {@code evolve}, for assertions of your own (on one field of a large state, say).
     */
    public S state() {
        if (rejection != null) {
            throw scenario.failure("expected a state after the command, but the command was rejected")
                    .error();
        }
        S after = state;
        for (E event : events) {
            after = decider.evolve(after, event);
        }
        return after;
    }

    /** The events produced, for assertions of your own. */
    public List<E> events() {
        if (rejection != null) {
            throw scenario.failure("expected events, but the command was rejected")
                    .error();
        }
        return events;
    }

    /** The rejection, for assertions of your own (e.g. on its message). */
    public Rejection rejection() {
        if (rejection == null) {
            throw scenario.failure("expected a rejection, but the command was accepted")
                    .list("then", events)
                    .error();
        }
        return rejection;
    }

    boolean sameAs(DeciderOutcome<S, E> other) {
        return describe().equals(other.describe()) && Objects.equals(events, other.events);
    }

    String describe() {
        return rejection == null
                ? Failure.numbered(events)
                : "rejected " + rejection.kind() + " " + rejection.reason() + ": " + rejection.getMessage();
    }

    private DeciderOutcome<S, E> thenRejected(String expected, Predicate<Rejection> matches) {
        if (rejection == null) {
            throw scenario.failure("expected a rejection, but the command was accepted")
                    .expected(expected, describe());
        }
        if (!matches.test(rejection)) {
            throw scenario.failure("the command was rejected, but not as expected")
                    .expected(expected, describe());
        }
        return this;
    }
}
