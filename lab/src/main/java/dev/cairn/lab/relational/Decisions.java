package dev.cairn.lab.relational;

import dev.cairn.core.model.Decider;
import java.util.List;

/** Applies a restaurant decider's decision to the state a row holds. */
public final class Decisions {

    private Decisions() {}

    /** The state after {@code events}, folded over {@code state} (not over the initial state, as {@link Decider#fold} does). */
    public static <S, E> S evolve(Decider<?, S, E> decider, S state, List<? extends E> events) {
        S next = state;
        for (E event : events) {
            next = decider.evolve(next, event);
        }
        return next;
    }
}
