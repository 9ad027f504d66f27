package dev.cairn.restaurant.contracts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The events a process manager follows, each stated once with the instance it belongs to and how
 * it moves that instance's state. The process manager's {@code instanceOf}, {@code evolve} and
 * {@link Triggered#triggers()} all read this one table, so the filter a host builds and the events
 * that change state cannot disagree (as {@link OnEvent} does for reactions):
 *
 * <pre>{@code
 * static final ProcessRules<AuthorizationJoin> RULES = ProcessRules.<AuthorizationJoin>perInstance()
 *         .on(OrderCreated.class, OrderCreated::orderId, (join, created) -> join.withRequest(...))
 *         .on(TicketCreated.class, TicketCreated::orderId, (join, created) -> join.withTicketCreated());
 * }</pre>
 *
 * Immutable: {@code on} answers a new table.
 *
 * @param <S> the state of one instance
 */
public final class ProcessRules<S> {

    private record Rule<S>(Function<PublishedEvent, String> instance, BiFunction<S, PublishedEvent, S> evolve) {}

    private final String singleInstance;
    private final Map<Class<? extends PublishedEvent>, Rule<S>> rules;

    private ProcessRules(String singleInstance, Map<Class<? extends PublishedEvent>, Rule<S>> rules) {
        this.singleInstance = singleInstance;
        this.rules = rules;
    }

    /** Rules whose every event names its instance (one per order, say). */
    public static <S> ProcessRules<S> perInstance() {
        return new ProcessRules<>(null, Map.of());
    }

    /** Rules of a process with one instance, {@code id}, which every followed event belongs to. */
    public static <S> ProcessRules<S> oneInstance(String id) {
        return new ProcessRules<>(Objects.requireNonNull(id, "id"), Map.of());
    }

    /** Follows events of {@code type}: each belongs to the instance {@code instance} names, and moves its state by {@code evolve}. */
    public <T extends PublishedEvent> ProcessRules<S> on(
            Class<T> type, Function<? super T, String> instance, BiFunction<S, ? super T, S> evolve) {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(evolve, "evolve");
        Map<Class<? extends PublishedEvent>, Rule<S>> more = new LinkedHashMap<>(rules);
        if (more.put(
                        Objects.requireNonNull(type, "type"),
                        new Rule<>(
                                event -> Objects.requireNonNull(
                                        instance.apply(type.cast(event)), "the instance of " + event),
                                (state, event) -> Objects.requireNonNull(
                                        evolve.apply(state, type.cast(event)), "the state after " + event)))
                != null) {
            throw new IllegalArgumentException(type.getSimpleName() + " has a rule already");
        }
        return new ProcessRules<>(singleInstance, Collections.unmodifiableMap(more));
    }

    /** Follows events of {@code type} in the one instance of {@link #oneInstance}. */
    public <T extends PublishedEvent> ProcessRules<S> on(Class<T> type, BiFunction<S, ? super T, S> evolve) {
        if (singleInstance == null) {
            throw new IllegalStateException("rules per instance must name each event's instance");
        }
        String id = singleInstance;
        return on(type, event -> id, evolve);
    }

    /** The instance {@code event} belongs to, or empty when no rule follows its type. */
    public Optional<String> instanceOf(PublishedEvent event) {
        Rule<S> rule = rules.get(event.getClass());
        return rule == null ? Optional.empty() : Optional.of(rule.instance().apply(event));
    }

    /** The state after {@code event}; unchanged when no rule follows its type. */
    public S evolve(S state, PublishedEvent event) {
        Rule<S> rule = rules.get(event.getClass());
        return rule == null ? state : rule.evolve().apply(state, event);
    }

    /** The followed event types, in the order their rules were given. */
    public Set<Class<? extends PublishedEvent>> triggers() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(rules.keySet()));
    }
}
