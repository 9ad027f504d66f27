package dev.cairn.core.processing;

import java.util.List;
import java.util.Optional;

/**
 * A stateful reaction: one instance per process (e.g. per order) folds the events of that process
 * and sends commands when its state calls for them — event joins and orchestration. Pure, like a
 * decider; its state is derived from the log, so the runtime can rebuild it by replay.
 *
 * @param <S> the state of one instance
 * @param <E> the events it follows
 * @param <C> the commands it sends
 */
public interface ProcessManager<S, E, C> {

    /** The instance an event belongs to, or empty when the event does not concern this process. */
    Optional<String> instanceOf(E event);

    S initialState();

    S evolve(S state, E event);

    /**
     * The commands to send now that {@code event} moved the instance from {@code before} to
     * {@code after}. Deciding on the transition (not the state alone) is what keeps a command from
     * being sent again by later events.
     */
    List<C> react(S before, S after, Envelope<E> event);
}
