package dev.cairn.core.processing;

import java.util.List;

/**
 * Choreography: turns an event into the commands it calls for, with no state of its own. Pure:
 * the runtime sends the commands, carrying the event's correlation id over and making the event
 * their cause, with ids derived from the event so that redelivery never sends a command twice.
 *
 * @param <E> the events it reacts to
 * @param <C> the commands it sends
 */
@FunctionalInterface
public interface Reaction<E, C> {

    /** The commands this event calls for; usually none or one. */
    List<C> react(Envelope<E> event);
}
