package dev.cairn.eventstore.tck;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Builds events for the suites. Correlation and causation ids differ from the event id, so a store that mixes them up is caught. */
final class Events {

    static final String TYPE = "tck.SomethingHappened";

    private static final AtomicLong COUNTER = new AtomicLong();

    private Events() {}

    static NewEvent event() {
        return event(TYPE);
    }

    static NewEvent event(String type) {
        return event(type, ("payload " + COUNTER.incrementAndGet()).getBytes(UTF_8));
    }

    /** Every third event has no actor; the others one that is not ASCII, so a store that drops, truncates or re-encodes it shows. */
    static NewEvent event(String type, byte[] data) {
        long n = COUNTER.incrementAndGet();
        String actor = n % 3 == 0 ? NewEvent.NO_ACTOR : "tck:acteur-" + n + "-\u00e9\u4e2d";
        return new NewEvent(UUID.randomUUID(), type, data, UUID.randomUUID(), UUID.randomUUID(), actor);
    }

    static List<NewEvent> events(int count) {
        return events(TYPE, count);
    }

    static List<NewEvent> events(String type, int count) {
        List<NewEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(event(type));
        }
        return events;
    }

    static List<UUID> idsOf(List<NewEvent> events) {
        return events.stream().map(NewEvent::eventId).toList();
    }

    static List<UUID> recordedIds(List<RecordedEvent> events) {
        return events.stream().map(RecordedEvent::eventId).toList();
    }

    /** Bytes that are not valid UTF-8 and differ from position to position, so truncation, shifts and text conversion all show. */
    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @SafeVarargs
    static <T> List<T> concat(List<? extends T>... lists) {
        List<T> all = new ArrayList<>();
        for (List<? extends T> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
