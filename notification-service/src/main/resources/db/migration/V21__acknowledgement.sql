-- Did the municipality receive its confirmation? One row per confirmed enrollment: awaiting → reminded →
-- escalated (the network's e-health contact told), or acknowledged at any point; closed when withdrawn.
CREATE TABLE acknowledgement (
    enrollment_id   UUID PRIMARY KEY,
    track_id        UUID        NOT NULL,
    kommunenummer   TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('AWAITING', 'REMINDED', 'ESCALATED', 'ACKNOWLEDGED', 'CLOSED')),
    source_event_id TEXT        NOT NULL REFERENCES source_event (id),
    requested_at    TIMESTAMPTZ NOT NULL,
    reminded_at     TIMESTAMPTZ,
    escalated_at    TIMESTAMPTZ,
    acknowledged_at TIMESTAMPTZ,
    next_check_at   TIMESTAMPTZ
);
CREATE INDEX acknowledgement_due ON acknowledgement (next_check_at) WHERE status IN ('AWAITING', 'REMINDED');
