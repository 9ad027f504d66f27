-- Processor checkpoints, parked events, and partition leases for competing consumers.
CREATE TABLE ${schema}.checkpoints (
    processor  text        NOT NULL PRIMARY KEY,
    position   bigint      NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ${schema}.parked_events (
    processor      text        NOT NULL,
    position       bigint      NOT NULL,
    event_id       uuid        NOT NULL,
    stream_id      text        NOT NULL,
    version        bigint      NOT NULL,
    type           text        NOT NULL,
    recorded_at    timestamptz NOT NULL,
    correlation_id uuid        NOT NULL,
    causation_id   uuid        NOT NULL,
    data           bytea       NOT NULL,
    error          text        NOT NULL,
    attempts       integer     NOT NULL,
    parked_at      timestamptz NOT NULL,
    PRIMARY KEY (processor, position)
);

-- One row per (processor, partition); owner is null when nobody holds it.
CREATE TABLE ${schema}.leases (
    processor  text        NOT NULL,
    partition  integer     NOT NULL,
    owner      text,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (processor, partition)
);

-- Live instances of a processor, so that a newcomer gets its share of the partitions.
CREATE TABLE ${schema}.lease_members (
    processor  text        NOT NULL,
    owner      text        NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (processor, owner)
);
