package dev.cairn.eventstore.postgres;

import dev.cairn.core.store.RecordedEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The columns of an event row and their mapping to {@link RecordedEvent}. */
final class Rows {

    static final String EVENT_COLUMNS =
            "position, event_id, stream_id, version, type, recorded_at, correlation_id, causation_id, data, actor";

    private Rows() {}

    static RecordedEvent event(ResultSet rs) throws SQLException {
        return new RecordedEvent(
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getLong(4),
                rs.getLong(1),
                rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant(),
                rs.getObject(7, UUID.class),
                rs.getObject(8, UUID.class),
                rs.getBytes(9),
                rs.getString(10));
    }

    static List<RecordedEvent> events(ResultSet rs) throws SQLException {
        List<RecordedEvent> events = new ArrayList<>();
        while (rs.next()) {
            events.add(event(rs));
        }
        return events;
    }
}
