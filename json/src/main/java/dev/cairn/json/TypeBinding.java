package dev.cairn.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

/** One registered event type, with the reader and writer prepared for it once. */
record TypeBinding<T>(String name, Class<T> type, ObjectReader reader, ObjectWriter writer) {

    static <T> TypeBinding<T> of(ObjectMapper mapper, String name, Class<T> type) {
        // Bound to the concrete class, so Jackson never looks for polymorphic type information.
        return new TypeBinding<>(name, type, mapper.readerFor(type), mapper.writerFor(type));
    }

    @Override
    public String toString() {
        return "event type '" + name + "' as " + type.getName();
    }
}
