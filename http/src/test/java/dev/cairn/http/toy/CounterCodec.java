package dev.cairn.http.toy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.codec.EncodedEvent;
import dev.cairn.core.codec.EventCodec;
import dev.cairn.core.codec.EventDecodingException;
import dev.cairn.core.codec.UnknownEventTypeException;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/** Counter events as JSON, under explicit type names. */
public final class CounterCodec implements EventCodec<CounterEvent> {

    private static final Map<String, Class<? extends CounterEvent>> TYPES = Map.of(
            "counter.Created", CounterEvent.Created.class,
            "counter.Incremented", CounterEvent.Incremented.class,
            "counter.Closed", CounterEvent.Closed.class);

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public EncodedEvent encode(CounterEvent event) {
        String type = switch (event) {
            case CounterEvent.Created created -> "counter.Created";
            case CounterEvent.Incremented incremented -> "counter.Incremented";
            case CounterEvent.Closed closed -> "counter.Closed";
        };
        try {
            return new EncodedEvent(type, mapper.writeValueAsBytes(event));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public CounterEvent decode(String type, byte[] data) {
        Class<? extends CounterEvent> target = TYPES.get(type);
        if (target == null) {
            throw new UnknownEventTypeException(type, TYPES.keySet());
        }
        try {
            return mapper.readValue(data, target);
        } catch (IOException e) {
            throw new EventDecodingException("cannot decode " + type, e);
        }
    }

    @Override
    public boolean knows(String type) {
        return TYPES.containsKey(type);
    }

    @Override
    public Set<String> typeNames() {
        return TYPES.keySet();
    }
}
