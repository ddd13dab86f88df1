-- Subscriptions choose immediate delivery or a daily digest; webhook subscriptions get a signing secret. An
-- endpoint that answered 410 Gone is disabled, with the reason.
ALTER TABLE subscription
    ADD COLUMN delivery        TEXT NOT NULL DEFAULT 'IMMEDIATE' CHECK (delivery IN ('IMMEDIATE', 'DAILY_DIGEST')),
    ADD COLUMN secret          TEXT,
    ADD COLUMN disabled_at     TIMESTAMPTZ,
    ADD COLUMN disabled_reason TEXT;

-- Projections of the registry and enrollment-service: who to tell, and what the message says.
CREATE TABLE municipality (
    kommunenummer TEXT PRIMARY KEY,
    name          TEXT        NOT NULL,
    network       TEXT,
    valid_to      DATE,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX municipality_network ON municipality (network);

-- The contacts of one municipality or one network; each contacts.changed event replaces the whole list of its key.
CREATE TABLE contact (
    seq           BIGSERIAL PRIMARY KEY,
    kommunenummer TEXT,
    network       TEXT,
    role          TEXT NOT NULL,
    name          TEXT,
    email         TEXT NOT NULL,
    CHECK ((kommunenummer IS NULL) <> (network IS NULL))
);
CREATE INDEX contact_municipality ON contact (kommunenummer);
CREATE INDEX contact_network ON contact (network);

CREATE TABLE track (
    id                    UUID PRIMARY KEY,
    solution              TEXT        NOT NULL,
    name                  TEXT        NOT NULL,
    registration_deadline DATE        NOT NULL,
    status                TEXT        NOT NULL,
    state                 JSONB       NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL
);

CREATE TABLE enrollment (
    id                UUID PRIMARY KEY,
    track_id          UUID        NOT NULL,
    kommunenummer     TEXT        NOT NULL,
    status            TEXT        NOT NULL,
    waitlist_position INT,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX enrollment_track ON enrollment (track_id, kommunenummer);

-- A person's choice between immediate messages and one daily digest (confirmations are always immediate).
CREATE TABLE recipient_preference (
    address    TEXT PRIMARY KEY,
    delivery   TEXT        NOT NULL CHECK (delivery IN ('IMMEDIATE', 'DAILY_DIGEST')),
    updated_by TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- The events that caused messages, kept so a message can be rendered (and re-sent) from what was announced.
CREATE TABLE source_event (
    id          TEXT PRIMARY KEY,
    type        TEXT        NOT NULL,
    subject     TEXT,
    occurred_at TIMESTAMPTZ,
    data        JSONB       NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);

-- One row per (source event, recipient, channel): the unique key is what makes a redelivered event or a restart
-- mid-send produce no second message.
CREATE TABLE notification (
    id              UUID PRIMARY KEY,
    event_id        TEXT        NOT NULL REFERENCES source_event (id),
    event_type      TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    channel         TEXT        NOT NULL CHECK (channel IN ('EMAIL', 'WEBHOOK', 'FEED')),
    recipient       TEXT        NOT NULL,
    recipient_name  TEXT,
    kommunenummer   TEXT,
    track_id        UUID,
    subscription_id UUID REFERENCES subscription (id),
    digest          BOOLEAN     NOT NULL DEFAULT FALSE,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'RETRYING', 'FAILED', 'SKIPPED')),
    attempts        INT         NOT NULL DEFAULT 0,
    last_error      TEXT,
    next_attempt_at TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    read_at         TIMESTAMPTZ,
    subject         TEXT,
    body            TEXT,
    digest_id       UUID,
    UNIQUE (event_id, recipient, channel)
);
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status IN ('PENDING', 'RETRYING');
CREATE INDEX notification_recipient ON notification (recipient, channel, created_at DESC);
CREATE INDEX notification_municipality ON notification (kommunenummer, created_at DESC);
CREATE INDEX notification_subscription ON notification (subscription_id, created_at DESC);

-- Every try of a message: the delivery log an operator or a subscriber reads.
CREATE TABLE delivery_attempt (
    id              BIGSERIAL PRIMARY KEY,
    notification_id UUID        NOT NULL REFERENCES notification (id),
    attempted_at    TIMESTAMPTZ NOT NULL,
    outcome         TEXT        NOT NULL,
    http_status     INT,
    error           TEXT
);
CREATE INDEX delivery_attempt_notification ON delivery_attempt (notification_id, attempted_at);
