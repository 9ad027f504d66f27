package dev.cairn.testing;

import dev.cairn.core.processing.Envelope;
import dev.cairn.core.store.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Wraps events into {@link Envelope}s as a log would, without a store, and deterministically: the
 * same events appended in the same order get the same metadata in every run, so a test can name
 * an event id or position in its expectations.
 *
 * <ul>
 *   <li>positions are 1, 2, 3… in append order;</li>
 *   <li>versions count from 0 within each stream;</li>
 *   <li>the event id is a name-based UUID of the position ({@link #eventIdAt(long)});</li>
 *   <li>each event starts its own conversation: correlation and causation ids are its own id;</li>
 *   <li>it was recorded {@code position} seconds after {@link #EPOCH};</li>
 *   <li>the type is the class's simple name and the data is empty — nothing is encoded.</li>
 * </ul>
 *
 * <pre>{@code
 * SyntheticLog<AccountEvent> log = SyntheticLog.create(AccountEvent::accountId);
 * Envelope<AccountEvent> opened = log.append(new Opened("acc-1", "Ada"));  // position 1, stream acc-1, version 0
 * }</pre>
 *
 * @param <E> the events it holds
 */
public final class SyntheticLog<E> {

    /** When the first synthetic event was recorded, minus one second. */
    public static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    /** The stream events go to when no stream is named. */
    public static final String DEFAULT_STREAM = "test-1";

    private final Function<? super E, String> streamOf;
    private final Map<String, Long> versions = new HashMap<>();
    private long position;

    private SyntheticLog(Function<? super E, String> streamOf) {
        this.streamOf = Objects.requireNonNull(streamOf, "streamOf");
    }

    /** A log that puts every event in {@link #DEFAULT_STREAM}. */
    public static <E> SyntheticLog<E> create() {
        return new SyntheticLog<>(event -> DEFAULT_STREAM);
    }

    /** A log that puts each event in the stream {@code streamOf} names for it. */
    public static <E> SyntheticLog<E> create(Function<? super E, String> streamOf) {
        return new SyntheticLog<>(streamOf);
    }

    /**
     * A new log that puts each event in the stream {@code streamOf} names for it, to use in place of
     * this one. Only while this one is empty: the events already in it would keep their streams, and
     * a fixture's history would be split between two ways of naming them.
     *
     * @throws IllegalStateException when this log holds events
     */
    SyntheticLog<E> withStreamIds(Function<? super E, String> streamOf) {
        if (position > 0) {
            throw new IllegalStateException("streamIds(...) must come before the first given(...)");
        }
        return create(streamOf);
    }

    /** The event id the synthetic log gives the event at {@code position}. */
    public static UUID eventIdAt(long position) {
        return UUID.nameUUIDFromBytes(("cairn-testing/event/" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** Appends to the stream this log's function names. */
    public Envelope<E> append(E event) {
        return append(streamOf.apply(Objects.requireNonNull(event, "event")), event);
    }

    /** Appends to {@code streamId}. */
    public Envelope<E> append(String streamId, E event) {
        Objects.requireNonNull(event, "event");
        long version = versions.merge(Objects.requireNonNull(streamId, "streamId"), 1L, Long::sum) - 1;
        long at = ++position;
        UUID id = eventIdAt(at);
        var recorded = new RecordedEvent(
                id,
                streamId,
                version,
                at,
                event.getClass().getSimpleName(),
                EPOCH.plusSeconds(at),
                id,
                id,
                new byte[0]);
        return new Envelope<>(event, recorded);
    }

    /** Appends each event in order. */
    public List<Envelope<E>> appendAll(List<? extends E> events) {
        return events.stream().map(this::append).toList();
    }

    /** The position of the last appended event; 0 when empty. */
    public long head() {
        return position;
    }
}
