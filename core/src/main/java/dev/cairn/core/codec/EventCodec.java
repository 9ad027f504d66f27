package dev.cairn.core.codec;

import java.util.Set;

/**
 * Turns a vocabulary's events into bytes with an explicit type name, and back. Kept apart from
 * stores, which only ever see bytes.
 *
 * @param <E> the event vocabulary (usually a sealed interface)
 */
public interface EventCodec<E> {

    /** The type name and bytes of an event. */
    EncodedEvent encode(E event);

    /**
     * The event stored under this type name.
     *
     * @throws UnknownEventTypeException when this codec does not know the type name
     * @throws EventDecodingException    when the bytes do not decode to that type
     */
    E decode(String type, byte[] data);

    /** Whether {@link #decode} knows this type name. */
    boolean knows(String type);

    /** Every type name this codec knows, for filtered reads. */
    Set<String> typeNames();
}
