package dev.cairn.core.model;

import java.util.List;

/**
 * The pure heart of a command side: decides which events a command produces from the current
 * state, and folds events into state. No I/O, clocks or random ids: all of that arrives on the
 * command, so a test is data in, data out.
 *
 * @param <C> the command vocabulary
 * @param <S> the state
 * @param <E> the event vocabulary
 */
public interface Decider<C, S, E> {

    /** The state of an entity before its first event. */
    S initialState();

    /**
     * The events this command produces in this state; an empty list means "nothing to do".
     *
     * @throws Rejection when the command is not allowed, with a reason
     */
    List<E> decide(C command, S state);

    /** The state after one more event. */
    S evolve(S state, E event);

    /** Folds events over the initial state. */
    default S fold(Iterable<? extends E> events) {
        S state = initialState();
        for (E event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
