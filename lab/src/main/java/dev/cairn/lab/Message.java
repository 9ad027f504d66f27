package dev.cairn.lab;

import java.time.Instant;
import java.util.Objects;

/** One message of an order's journey: a call, a reply, a command or an event, from one participant to another. */
public record Message(Instant at, String from, String to, String text) {

    public Message {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
    }
}
