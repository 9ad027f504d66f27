package dev.cairn.core.processing;

/**
 * Builds a read model from events. The read model is the projection's own: nothing else writes to
 * it. Events may arrive more than once (at-least-once delivery), so {@code apply} must be
 * idempotent — comparing {@link Envelope#position()} with what a row last saw is the usual way.
 *
 * @param <E> the events it reads
 */
public interface Projection<E> {

    void apply(Envelope<E> event);

    /** Empties the read model before a rebuild from the start of the log. */
    default void reset() {}
}
