package dev.cairn.core.codec;

import java.util.Collection;
import java.util.TreeSet;

/** A type name no registered event type answers to. */
public final class UnknownEventTypeException extends RuntimeException {
    private final String type;

    public UnknownEventTypeException(String type, Collection<String> known) {
        super("unknown event type name '" + type + "'; known names: " + new TreeSet<>(known));
        this.type = type;
    }

    public String type() {
        return type;
    }
}
