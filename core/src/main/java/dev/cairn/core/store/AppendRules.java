package dev.cairn.core.store;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Checks every store makes the same way, so the rules of requirement 7 live in one place. For
 * store implementations.
 */
public final class AppendRules {

    /** Most events one append may carry. */
    public static final int MAX_EVENTS_PER_APPEND = 10_000;

    private AppendRules() {}

    /**
     * Checks an append's arguments, before a store looks at its log: the stream id
     * ({@link StreamIds#requireValid}), an expected version, and the batch ({@link #requireValidBatch}).
     *
     * @throws IllegalArgumentException when the stream id or the batch is invalid
     * @throws NullPointerException     when {@code expected} is null
     */
    public static void requireValidAppend(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        StreamIds.requireValid(streamId);
        Objects.requireNonNull(expected, "expected");
        requireValidBatch(events);
    }

    /**
     * @throws IllegalArgumentException when the batch is empty, too large, or repeats an event id
     */
    public static void requireValidBatch(List<NewEvent> events) {
        if (events == null || events.isEmpty()) {
            throw new IllegalArgumentException("an append needs at least one event");
        }
        if (events.size() > MAX_EVENTS_PER_APPEND) {
            throw new IllegalArgumentException("an append may carry at most " + MAX_EVENTS_PER_APPEND
                    + " events, this one carries " + events.size());
        }
        if (events.size() > 1) {
            Set<UUID> ids = new HashSet<>(events.size() * 2);
            for (NewEvent event : events) {
                if (!ids.add(event.eventId())) {
                    throw new IllegalArgumentException("event id " + event.eventId() + " appears twice in one append");
                }
            }
        }
    }

    /**
     * Decides whether an append repeats one already recorded.
     *
     * @param positionOf the position of a recorded event id, or null when it is not recorded
     * @param eventAt    the recorded event at a position
     * @return the first append's result when every id is recorded in this stream, consecutively and
     *     in this order; null when no id is recorded
     * @throws DuplicateEventIdException when some ids are recorded but this is not such a retry
     */
    public static AppendResult detectRetry(
            String streamId,
            List<NewEvent> events,
            Function<UUID, Long> positionOf,
            LongFunction<RecordedEvent> eventAt) {
        Long firstPosition = positionOf.apply(events.getFirst().eventId());
        if (firstPosition == null) {
            for (int i = 1; i < events.size(); i++) {
                if (positionOf.apply(events.get(i).eventId()) != null) {
                    throw new DuplicateEventIdException(
                            events.get(i).eventId(), "the append mixes new events with recorded ones");
                }
            }
            return null;
        }
        RecordedEvent first = eventAt.apply(firstPosition);
        if (!first.streamId().equals(streamId)) {
            throw new DuplicateEventIdException(first.eventId(), "it belongs to stream " + first.streamId());
        }
        long lastPosition = firstPosition;
        for (int i = 1; i < events.size(); i++) {
            Long position = positionOf.apply(events.get(i).eventId());
            RecordedEvent recorded = position == null ? null : eventAt.apply(position);
            if (recorded == null
                    || !recorded.streamId().equals(streamId)
                    || recorded.version() != first.version() + i) {
                throw new DuplicateEventIdException(
                        recorded == null ? first.eventId() : events.get(i).eventId(),
                        "the append is not an exact retry of the append that recorded " + first.eventId());
            }
            lastPosition = position;
        }
        return new AppendResult(streamId, first.version(), first.version() + events.size() - 1, lastPosition, true);
    }
}
