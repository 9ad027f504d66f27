package dev.cairn.eventstore.postgres;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.AppendRules;
import dev.cairn.core.store.EventStoreException;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.WrongExpectedVersionException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns what the append statement did into the contract's answer: a result, an idempotent
 * retry's first result, or the failure. The happy path is one round trip; lookups happen only
 * when the statement appended nothing or hit a unique key.
 */
final class AppendOutcomes {

    /** Concurrent writers that keep beating an {@code any} append to the same stream. */
    private static final int MAX_RACES = 100;

    private final Appender appender;
    private final LogReader reader;

    AppendOutcomes(Appender appender, LogReader reader) {
        this.appender = appender;
        this.reader = reader;
    }

    /** Appends in auto-commit mode: each attempt is its own transaction. */
    AppendResult append(Connection connection, String streamId, ExpectedVersion expected, List<NewEvent> events)
            throws SQLException {
        for (int race = 0; race < MAX_RACES; race++) {
            Appender.Attempt attempt;
            try {
                attempt = appender.insert(connection, streamId, expected, events, 0);
            } catch (SQLException e) {
                String constraint = SqlErrors.violatedUniqueConstraint(e);
                if (constraint == null) {
                    throw e;
                }
                AppendResult retry = retryOf(connection, streamId, events);
                if (retry != null) {
                    return retry;
                }
                if (!(expected instanceof ExpectedVersion.Any) && constraint.equals("events_stream_version_key")) {
                    // Another writer committed this version while we inserted: our expectation is stale.
                    throw new WrongExpectedVersionException(
                            streamId, expected, reader.streamVersion(connection, streamId));
                }
                continue;
            }
            if (attempt.inserted() == events.size()) {
                return new AppendResult(
                        streamId,
                        attempt.firstVersion(),
                        attempt.currentVersion() + events.size(),
                        attempt.lastPosition(),
                        false);
            }
            AppendResult retry = retryOf(connection, streamId, events);
            if (retry != null) {
                return retry;
            }
            if (attempt.ordered()) {
                throw new WrongExpectedVersionException(streamId, expected, attempt.currentVersion());
            }
        }
        throw new EventStoreException(
                "append to " + streamId + " lost " + MAX_RACES + " races with concurrent writers");
    }

    /** The first append's result when this one repeats it (requirement 7), null when no id is recorded. */
    AppendResult retryOf(Connection connection, String streamId, List<NewEvent> events) throws SQLException {
        UUID[] ids = events.stream().map(NewEvent::eventId).toArray(UUID[]::new);
        List<RecordedEvent> recorded = reader.byEventIds(connection, ids);
        if (recorded.isEmpty()) {
            return null;
        }
        Map<UUID, Long> positions = new HashMap<>();
        Map<Long, RecordedEvent> byPosition = new HashMap<>();
        for (RecordedEvent event : recorded) {
            positions.put(event.eventId(), event.position());
            byPosition.put(event.position(), event);
        }
        return AppendRules.detectRetry(streamId, events, positions::get, byPosition::get);
    }
}
