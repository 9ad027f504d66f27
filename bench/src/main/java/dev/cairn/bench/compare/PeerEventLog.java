package dev.cairn.bench.compare;

import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.util.List;

/**
 * A general-purpose database used as an event store, with the append semantics of Cairn's
 * {@code AppendToStream}: in one transaction, read the stream's current version, refuse the append
 * when it is not the expected one, insert the events with the next versions; every event id once.
 * The same metadata is stored as Cairn stores (id, stream, version, position, type, time,
 * correlation, causation, payload).
 */
interface PeerEventLog extends AutoCloseable {

    /**
     * @return the stream's new version
     * @throws dev.cairn.core.store.WrongExpectedVersionException when the stream is at another version; nothing appended
     */
    long append(String streamId, ExpectedVersion expected, List<NewEvent> events);

    /** Events after {@code afterPosition} in log order, at most {@code limit}. */
    List<RecordedEvent> readAll(long afterPosition, int limit);

    /** Whether an acknowledged append is on stable storage. */
    boolean durable();

    @Override
    void close();
}
