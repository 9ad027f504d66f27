package dev.cairn.core.store;

import java.util.List;

/** The write side of an event store. */
public interface AppendToStream {

    /**
     * Appends events to a stream, all or nothing (requirement 1), if the stream's version matches
     * {@code expected} (requirement 2). Returns only once the events are committed; durable stores
     * return only once they are on stable storage (requirement 8).
     *
     * <p>Idempotent on event ids (requirement 7): if every event id is already recorded in this
     * stream, consecutively and in this order, nothing is appended and the first append's result is
     * returned with {@code duplicate = true} — whatever {@code expected} says.
     *
     * @param streamId a valid stream id (see {@link StreamIds})
     * @param expected the version the writer believes the stream is at
     * @param events   one or more events
     * @return the versions and position assigned
     * @throws WrongExpectedVersionException  when the stream is at another version; nothing appended
     * @throws DuplicateEventIdException      when an event id is recorded but this is not a retry
     * @throws IllegalArgumentException       when the stream id or the event list is invalid
     * @throws EventStoreUnavailableException when the store is closed or unreachable
     */
    AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events);
}
