package dev.cairn.testing;

import dev.cairn.core.model.Decider;
import dev.cairn.core.model.Rejection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/**
 * Given events, when a command, then events — or a rejection. A decider is pure, so its test is
 * data in and data out:
 *
 * <pre>{@code
 * DeciderFixture.of(new AccountDecider())
 *         .given(new Opened("acc-1", "Ada"), new Deposited("acc-1", 50, ""))
 *         .when(new Withdraw("acc-1", 80, ""))
 *         .thenRejected(Rejection.Kind.NOT_ALLOWED, "INSUFFICIENT_FUNDS");
 * }</pre>
 *
 * <p>A failed expectation throws {@link AssertionFailedError} whose message shows the scenario and
 * expected against actual events (records print their fields), or says that the command was
 * rejected where events were expected, and the other way round. {@link #when} also decides a
 * second time and fails if the answer differs: a decider that reads a clock or makes up ids is
 * not pure, and a retried command would not produce the same events.
 *
 * @param <C> commands
 * @param <S> state
 * @param <E> events
 */
public final class DeciderFixture<C, S, E> {

    private final Decider<C, S, E> decider;
    private final List<E> given = new ArrayList<>();

    private DeciderFixture(Decider<C, S, E> decider) {
        this.decider = Objects.requireNonNull(decider, "decider");
    }

    public static <C, S, E> DeciderFixture<C, S, E> of(Decider<C, S, E> decider) {
        return new DeciderFixture<>(decider);
    }

    /** Events that happened before the command, in order; calls add up. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, never stored or written
    public final DeciderFixture<C, S, E> given(E... events) {
        return given(Arrays.asList(events));
    }

    /** Events that happened before the command, in order; calls add up. */
    public DeciderFixture<C, S, E> given(List<? extends E> events) {
        events.forEach(event -> given.add(Objects.requireNonNull(event, "a given event is null")));
        return this;
    }

    /**
     * Decides {@code command} in the state the given events lead to. A {@link Rejection} is an
     * outcome to check; any other exception propagates.
     *
     * @throws AssertionFailedError when deciding twice gives different answers
     */
    public DeciderOutcome<S, E> when(C command) {
        Scenario scenario = new Scenario(given, Objects.requireNonNull(command, "command"));
        S state = decider.fold(given);
        DeciderOutcome<S, E> first = decide(command, state, scenario);
        DeciderOutcome<S, E> second = decide(command, state, scenario);
        if (!first.sameAs(second)) {
            throw scenario.failure(
                            "the decider is not deterministic: the same command in the same state decided differently")
                    .expected(first.describe(), second.describe());
        }
        return first;
    }

    private DeciderOutcome<S, E> decide(C command, S state, Scenario scenario) {
        try {
            return DeciderOutcome.accepted(decider, scenario, state, decider.decide(command, state));
        } catch (Rejection rejection) {
            return DeciderOutcome.rejected(decider, scenario, state, rejection);
        }
    }
}
