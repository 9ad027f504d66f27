package dev.cairn.restaurant.app;

import dev.cairn.core.codec.EncodedEvent;
import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.codec.UnknownEventTypeException;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TypeNames;
import java.util.Set;

/**
 * A context's command side writes and reads only its own vocabulary: the published-language
 * codec narrowed to it, so a stray event type in one of its streams is a clear error.
 */
public final class Narrowed {
    private Narrowed() {}

    public static <E extends PublishedEvent> EventCodec<E> codec(EventCodec<PublishedEvent> all, Class<E> vocabulary) {
        Set<String> names = TypeNames.within(vocabulary).keySet();
        return new EventCodec<>() {
            @Override
            public EncodedEvent encode(E event) {
                return all.encode(event);
            }

            @Override
            public E decode(String type, byte[] data) {
                if (!names.contains(type)) {
                    throw new UnknownEventTypeException(type, names);
                }
                return vocabulary.cast(all.decode(type, data));
            }

            @Override
            public boolean knows(String type) {
                return names.contains(type);
            }

            @Override
            public Set<String> typeNames() {
                return names;
            }
        };
    }
}
