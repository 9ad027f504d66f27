package dev.cairn.core.codec;

import java.util.Objects;

/** An event as bytes, with its explicit type name. */
public record EncodedEvent(String type, byte[] data) {
    public EncodedEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }
}
