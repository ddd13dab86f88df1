-- Information meetings as enrollment-service announced them (enrollment.meetings.v1): the whole meeting, so a mail
-- and an invitation say what is true when they go out. The organizer is a role address, not a person.
CREATE TABLE meeting (
    id         UUID PRIMARY KEY,
    sequence   INT         NOT NULL,
    solution   TEXT        NOT NULL,
    track_id   UUID,
    title      TEXT        NOT NULL,
    starts_at  TIMESTAMPTZ NOT NULL,
    ends_at    TIMESTAMPTZ NOT NULL,
    status     TEXT        NOT NULL CHECK (status IN ('SCHEDULED', 'CANCELLED')),
    state      JSONB       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX meeting_starts ON meeting (starts_at);

-- The people registered for a meeting: personal data, deleted ehelse.meetings.retention after the meeting ends.
CREATE TABLE meeting_registration (
    id                UUID PRIMARY KEY,
    meeting_id        UUID        NOT NULL REFERENCES meeting (id),
    name              TEXT        NOT NULL,
    email             TEXT        NOT NULL,
    kommunenummer     TEXT        NOT NULL,
    role              TEXT,
    status            TEXT        NOT NULL CHECK (status IN ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
    waitlist_position INT,
    cancel_url        TEXT,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX meeting_registration_meeting ON meeting_registration (meeting_id, status);
CREATE INDEX meeting_registration_municipality ON meeting_registration (kommunenummer);

-- The reminder the day before: the primary key is the claim, so two replicas plan one reminder per registration.
CREATE TABLE meeting_reminder (
    registration_id UUID PRIMARY KEY,
    meeting_id      UUID        NOT NULL,
    planned_at      TIMESTAMPTZ NOT NULL
);

-- A track's dates as calendar entries: one stable UID per (track, kind, index), its SEQUENCE raised on every change
-- of the date and on cancellation, so a calendar replaces the entry instead of adding a second one.
CREATE TABLE track_calendar_entry (
    uid        TEXT PRIMARY KEY,
    track_id   UUID        NOT NULL,
    kind       TEXT        NOT NULL CHECK (kind IN ('KICK_OFF', 'COMMON_MEETING', 'STATUS_MEETING', 'CLOSING', 'DEADLINE')),
    idx        INT         NOT NULL,
    title      TEXT        NOT NULL,
    day        DATE        NOT NULL,
    sequence   INT         NOT NULL,
    cancelled  BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (track_id, kind, idx)
);
CREATE INDEX track_calendar_entry_day ON track_calendar_entry (day);

-- Subscribable calendar feeds: the token is the whole secret of the URL; renewing replaces it, the old one is gone.
CREATE TABLE calendar_feed (
    token      TEXT PRIMARY KEY,
    scope      TEXT        NOT NULL CHECK (scope IN ('MUNICIPALITY', 'TRACK')),
    owner_key  TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (scope, owner_key)
);
