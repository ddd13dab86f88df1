-- Tracks as enrollment-service announces them on enrollment.tracks.v1 (the whole track on created, opened and
-- changed), for the funnel's names and the per-track progress against the plan. announced_at is the event's time:
-- a redelivered older state (another producer instance's retry) never overwrites a newer one.
CREATE TABLE track (
    id           UUID PRIMARY KEY,
    solution     TEXT        NOT NULL,
    name         TEXT        NOT NULL,
    cohort       TEXT,
    vendor       TEXT,
    status       TEXT        NOT NULL,
    registration_deadline DATE NOT NULL,
    kick_off     DATE,
    closing      DATE,
    phases       JSONB       NOT NULL DEFAULT '[]',
    announced_at TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX track_solution ON track (solution);

-- The phase an enrollment is in (enrollment events carry it), for the per-track progress.
ALTER TABLE enrollment ADD COLUMN phase TEXT;
