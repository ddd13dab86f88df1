-- Information meetings (informasjonsmøter): webinars about a solution that individuals sign up for.
CREATE TABLE meeting (
    id                     UUID PRIMARY KEY,
    solution               TEXT        NOT NULL REFERENCES solution,
    track_id               UUID REFERENCES track,
    title                  TEXT        NOT NULL,
    description            TEXT,
    starts_at              TIMESTAMPTZ NOT NULL,
    ends_at                TIMESTAMPTZ NOT NULL,
    online_url             TEXT,
    place                  TEXT,
    capacity               INTEGER CHECK (capacity IS NULL OR capacity >= 1),
    registration_closes_at TIMESTAMPTZ NOT NULL,
    organizer_name         TEXT        NOT NULL,
    organizer_email        TEXT        NOT NULL,
    sequence               INTEGER     NOT NULL DEFAULT 0,
    status                 TEXT        NOT NULL,
    cancel_reason          TEXT,
    created_at             TIMESTAMPTZ NOT NULL,
    created_by             TEXT        NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK (online_url IS NOT NULL OR place IS NOT NULL)
);
CREATE INDEX meeting_solution_start ON meeting (solution, starts_at);

-- A person's registration (påmelding til møte). name, email and role are personal data: nulled by the retention
-- job a configured time after the meeting (kommunenummer stays, for the counts). queue_number (given under the
-- meeting's row lock) orders the waiting list.
CREATE TABLE meeting_registration (
    id            UUID PRIMARY KEY,
    meeting_id    UUID        NOT NULL REFERENCES meeting,
    name          TEXT,
    email         TEXT,
    kommunenummer TEXT        NOT NULL,
    role          TEXT,
    status        TEXT        NOT NULL,
    queue_number  INTEGER     NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    cancelled_at  TIMESTAMPTZ,
    anonymised_at TIMESTAMPTZ
);
-- One registration per e-mail address and meeting (a cancelled one may register again).
CREATE UNIQUE INDEX meeting_registration_one_active ON meeting_registration (meeting_id, email)
    WHERE status <> 'CANCELLED';
CREATE UNIQUE INDEX meeting_registration_queue ON meeting_registration (meeting_id, queue_number);

-- Registration and resend requests, counted per e-mail address and per client address over a sliding hour.
-- In the database so that every replica counts the same requests.
CREATE TABLE meeting_request (
    id    BIGSERIAL PRIMARY KEY,
    scope TEXT        NOT NULL,
    key   TEXT        NOT NULL,
    at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX meeting_request_key ON meeting_request (scope, key, at);
