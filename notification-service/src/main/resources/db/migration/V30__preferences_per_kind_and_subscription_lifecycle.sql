-- People choose per message kind and channel: at once, in the daily or the weekly digest, or not at all. The
-- address-wide choice (recipient_preference) stays the default for kinds without a row of their own.
ALTER TABLE recipient_preference DROP CONSTRAINT recipient_preference_delivery_check;
ALTER TABLE recipient_preference
    ADD CONSTRAINT recipient_preference_delivery_check
        CHECK (delivery IN ('IMMEDIATE', 'DAILY_DIGEST', 'WEEKLY_DIGEST', 'OFF'));

CREATE TABLE recipient_kind_preference (
    address    TEXT        NOT NULL,
    kind       TEXT        NOT NULL,
    channel    TEXT        NOT NULL CHECK (channel IN ('EMAIL', 'FEED')),
    delivery   TEXT        NOT NULL CHECK (delivery IN ('IMMEDIATE', 'DAILY_DIGEST', 'WEEKLY_DIGEST', 'OFF')),
    updated_by TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (address, kind, channel)
);

-- Subscriptions: a FEED channel (the owner's own feed), the weekly digest, double opt-in for e-mail addresses, and
-- a webhook secret's predecessor that is still signed with until the end of the rotation's overlap.
ALTER TABLE subscription DROP CONSTRAINT subscription_channel_check;
ALTER TABLE subscription ADD CONSTRAINT subscription_channel_check CHECK (channel IN ('EMAIL', 'WEBHOOK', 'FEED'));
ALTER TABLE subscription DROP CONSTRAINT subscription_delivery_check;
ALTER TABLE subscription
    ADD CONSTRAINT subscription_delivery_check CHECK (delivery IN ('IMMEDIATE', 'DAILY_DIGEST', 'WEEKLY_DIGEST'));
ALTER TABLE subscription
    ADD COLUMN status                TEXT NOT NULL DEFAULT 'ACTIVE'
        CHECK (status IN ('PENDING_CONFIRMATION', 'ACTIVE')),
    ADD COLUMN confirmed_at          TIMESTAMPTZ,
    ADD COLUMN previous_secret       TEXT,
    ADD COLUMN previous_secret_until TIMESTAMPTZ;
