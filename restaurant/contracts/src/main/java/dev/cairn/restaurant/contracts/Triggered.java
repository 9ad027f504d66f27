package dev.cairn.restaurant.contracts;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Something fed by events (a reaction, a process manager, a replica) that says which events it
 * acts on. Every other event leaves it unchanged, so a host may filter the log by
 * {@link #triggerTypeNames()} and decode only what matters.
 */
public interface Triggered {

    /** The event classes that can have an effect; every other event is ignored. */
    Set<Class<? extends PublishedEvent>> triggers();

    /** The stored type names of {@link #triggers()}, for an event filter. */
    default Set<String> triggerTypeNames() {
        Set<String> names = new LinkedHashSet<>();
        triggers().forEach(type -> names.add(TypeNames.of(type)));
        return names;
    }
}
