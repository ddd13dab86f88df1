-- Who wants to hear about which events, through which channel.
CREATE TABLE subscription (
    id            UUID PRIMARY KEY,
    owner         TEXT        NOT NULL,
    event_types   TEXT[]      NOT NULL,
    channel       TEXT        NOT NULL CHECK (channel IN ('EMAIL', 'WEBHOOK')),
    address       TEXT        NOT NULL,
    kommunenummer TEXT CHECK (kommunenummer ~ '^[0-9]{4}$'),
    network       TEXT,
    solution      TEXT,
    track_id      UUID,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX subscription_owner ON subscription (owner);
