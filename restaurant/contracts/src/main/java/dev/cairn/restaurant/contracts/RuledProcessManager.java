package dev.cairn.restaurant.contracts;

import dev.cairn.core.processing.ProcessManager;
import java.util.Optional;
import java.util.Set;

/**
 * A process manager whose instances, state changes and triggers are all read from one
 * {@link ProcessRules} table: a subclass gives the table and the initial state, and decides only
 * what to send ({@link #react}).
 *
 * @param <S> the state of one instance
 * @param <C> the commands it sends
 */
public abstract class RuledProcessManager<S, C> implements ProcessManager<S, PublishedEvent, C>, Triggered {

    private final ProcessRules<S> rules;
    private final S initialState;

    protected RuledProcessManager(ProcessRules<S> rules, S initialState) {
        this.rules = rules;
        this.initialState = initialState;
    }

    @Override
    public final Optional<String> instanceOf(PublishedEvent event) {
        return rules.instanceOf(event);
    }

    @Override
    public final S initialState() {
        return initialState;
    }

    @Override
    public final S evolve(S state, PublishedEvent event) {
        return rules.evolve(state, event);
    }

    @Override
    public final Set<Class<? extends PublishedEvent>> triggers() {
        return rules.triggers();
    }
}
