package dev.cairn.core.codec;

/** Bytes that do not decode to the event type their name promises. */
public final class EventDecodingException extends RuntimeException {
    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
