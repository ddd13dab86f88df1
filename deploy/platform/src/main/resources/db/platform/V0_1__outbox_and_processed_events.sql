-- Shared by every service (shipped in the platform jar): the transactional outbox and the consumer dedup table.

-- Events written in the same transaction as the state they announce; the relay publishes and deletes them.
CREATE TABLE outbox_event (
    seq         BIGSERIAL PRIMARY KEY,
    event_id    UUID        NOT NULL UNIQUE,
    topic       TEXT        NOT NULL,
    record_key  TEXT,
    type        TEXT        NOT NULL,
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

-- One row per consumed event id and consumer: inserted in the transaction of the event's effect, so a
-- redelivered event finds its row and is skipped.
CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
