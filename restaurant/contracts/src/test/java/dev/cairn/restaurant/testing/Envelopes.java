package dev.cairn.restaurant.testing;

import dev.cairn.core.processing.Envelope;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.restaurant.contracts.PublishedEvent;
import dev.cairn.restaurant.contracts.TypeNames;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Envelopes for feeding reactions, process managers and projections in tests, without a store. */
public final class Envelopes {

    /** The recorded-at of position 0; position {@code n} is recorded {@code n} seconds later. */
    public static final Instant T0 = Instant.parse("2030-01-01T12:00:00Z");

    private Envelopes() {}

    /** The event as if recorded at {@code position}, {@code position} seconds after {@link #T0}. */
    public static <E extends PublishedEvent> Envelope<E> at(long position, E event) {
        return at(position, T0.plusSeconds(position), event);
    }

    public static <E extends PublishedEvent> Envelope<E> at(long position, Instant recordedAt, E event) {
        UUID eventId = UUID.nameUUIDFromBytes(("event-" + position).getBytes(StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        String type = TypeNames.of((Class<? extends PublishedEvent>) event.getClass());
        RecordedEvent recorded = new RecordedEvent(eventId, "test-" + position, 0, position, type, recordedAt,
                eventId, eventId, new byte[0]);
        return new Envelope<>(event, recorded);
    }
}
