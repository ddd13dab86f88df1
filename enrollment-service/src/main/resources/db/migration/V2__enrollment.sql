-- The plan of a track: dates, phases, milestones, prerequisites and working group.
ALTER TABLE track
    ADD COLUMN kick_off      DATE,
    ADD COLUMN closing       DATE,
    -- {"phases": [...], "milestones": [...], "prerequisites": [...], "workingGroup": [...]}
    ADD COLUMN plan          JSONB NOT NULL DEFAULT '{"phases": [], "milestones": [], "prerequisites": [], "workingGroup": []}',
    ADD COLUMN updated_at    TIMESTAMPTZ,
    ADD COLUMN version       BIGINT NOT NULL DEFAULT 0;
UPDATE track SET updated_at = created_at;
ALTER TABLE track ALTER COLUMN updated_at SET NOT NULL;

-- The registry's municipalities as this service knows them (from registry.municipalities.v1).
CREATE TABLE municipality (
    kommunenummer TEXT PRIMARY KEY,
    name          TEXT        NOT NULL,
    county        TEXT        NOT NULL,
    network       TEXT,
    valid_from    DATE,
    valid_to      DATE,
    successors    JSONB       NOT NULL DEFAULT '[]',
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX municipality_network ON municipality (network);

-- A municipality's enrollment (påmelding) in a track. queue_number (given under the track's row lock) orders
-- the waiting list, first in first out; timestamps can tie.
CREATE TABLE enrollment (
    id                 UUID PRIMARY KEY,
    track_id           UUID        NOT NULL REFERENCES track,
    kommunenummer      TEXT        NOT NULL REFERENCES municipality,
    status             TEXT        NOT NULL,
    queue_number       INTEGER     NOT NULL,
    queued_at          TIMESTAMPTZ NOT NULL,
    late_reason        TEXT,
    phase              TEXT,
    prerequisites_done JSONB       NOT NULL DEFAULT '[]',
    went_live_on       DATE,
    completed_at       TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0
);
-- One active enrollment per municipality and track, enforced by the database as well as the code.
CREATE UNIQUE INDEX enrollment_one_active ON enrollment (track_id, kommunenummer) WHERE status <> 'WITHDRAWN';
CREATE UNIQUE INDEX enrollment_queue ON enrollment (track_id, queue_number);
CREATE INDEX enrollment_track_status ON enrollment (track_id, status, queue_number);
CREATE INDEX enrollment_municipality ON enrollment (kommunenummer);

-- Every state change of an enrollment: who, when, why.
CREATE TABLE enrollment_history (
    id            BIGSERIAL PRIMARY KEY,
    enrollment_id UUID        NOT NULL REFERENCES enrollment,
    at            TIMESTAMPTZ NOT NULL,
    actor         TEXT        NOT NULL,
    action        TEXT        NOT NULL,
    from_status   TEXT,
    to_status     TEXT,
    reason        TEXT
);
CREATE INDEX enrollment_history_enrollment ON enrollment_history (enrollment_id, id);

-- Which municipalities went live with which solution (recorded by a lead, or from adoption-stats' went-live).
CREATE TABLE went_live (
    kommunenummer TEXT NOT NULL,
    solution      TEXT NOT NULL,
    went_live_on  DATE NOT NULL,
    source        TEXT NOT NULL,
    PRIMARY KEY (kommunenummer, solution)
);

-- Time-based events that have fired. The primary key makes each fire once, whichever replica gets there
-- first; a moved deadline is a new row, so its reminders fire again.
CREATE TABLE deadline_notice (
    subject  TEXT        NOT NULL,
    kind     TEXT        NOT NULL,
    deadline DATE        NOT NULL,
    fired_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (subject, kind, deadline)
);
