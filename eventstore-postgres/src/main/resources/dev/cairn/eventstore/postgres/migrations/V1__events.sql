-- The log. ${schema} is replaced by the configured schema name.
--
-- position = xid * 65536 + index of the event within its transaction, where xid is the
-- transaction's pg_current_xact_id(): ordering by position is ordering by (transaction id, index).
-- Readers only read positions below pg_snapshot_xmin(pg_current_snapshot()) * 65536 (see DESIGN.md).
CREATE TABLE ${schema}.events (
    position       bigint      NOT NULL PRIMARY KEY,
    stream_id      text        NOT NULL,
    version        bigint      NOT NULL,
    event_id       uuid        NOT NULL,
    type           text        NOT NULL,
    category       text        NOT NULL,
    stream_hash    integer     NOT NULL,
    recorded_at    timestamptz NOT NULL,
    correlation_id uuid        NOT NULL,
    causation_id   uuid        NOT NULL,
    data           bytea       NOT NULL,
    CONSTRAINT events_stream_version_key UNIQUE (stream_id, version),
    CONSTRAINT events_event_id_key UNIQUE (event_id),
    CONSTRAINT events_position_positive CHECK (position > 0),
    CONSTRAINT events_version_non_negative CHECK (version >= 0)
);
