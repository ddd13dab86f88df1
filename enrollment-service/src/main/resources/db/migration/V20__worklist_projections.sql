-- What the worklist and readiness (docs/enrollment.md "Arbeidsliste og beredskap") are built from: projections of
-- events other services publish, never their databases.

-- The registry's municipality vendors (codes of registry.vendors.v1) and a solution's prerequisites in the
-- catalogue. Rows projected before these columns existed get them with the next event of their compacted topic.
ALTER TABLE municipality ADD COLUMN vendors JSONB NOT NULL DEFAULT '[]';
ALTER TABLE solution ADD COLUMN requires JSONB NOT NULL DEFAULT '[]';

-- The registry's vendors and which solutions their products support from when (registry.vendors.v1).
CREATE TABLE vendor (
    code       TEXT PRIMARY KEY,
    name       TEXT        NOT NULL,
    kind       TEXT        NOT NULL,
    -- [{"solution": ..., "product": ..., "from": ...}]
    supports   JSONB       NOT NULL DEFAULT '[]',
    updated_at TIMESTAMPTZ NOT NULL
);

-- Which contact roles a municipality has in the registry (registry.contacts.v1 carries the whole list); the people
-- themselves stay in the registry and notification-service.
CREATE TABLE municipality_contacts (
    kommunenummer TEXT PRIMARY KEY,
    roles         JSONB       NOT NULL DEFAULT '[]',
    contacts      INTEGER     NOT NULL,
    since         TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- A confirmation's receipt as notification-service reports it (notification.acknowledgements.v1): escalated when
-- nobody acknowledged it after the reminder; an acknowledgement clears that, whichever arrives first.
CREATE TABLE confirmation_receipt (
    enrollment_id   UUID PRIMARY KEY,
    track_id        UUID        NOT NULL,
    kommunenummer   TEXT        NOT NULL,
    solution        TEXT,
    requested_at    TIMESTAMPTZ NOT NULL,
    escalated_at    TIMESTAMPTZ,
    acknowledged_at TIMESTAMPTZ
);
CREATE INDEX confirmation_receipt_municipality ON confirmation_receipt (kommunenummer);

-- NHN's level per municipality and solution as adoption-stats holds it (adoption.events.v1 level-changed), with the
-- day it took effect: a report older than the held one does not replace it.
CREATE TABLE adoption_level (
    kommunenummer TEXT NOT NULL,
    solution      TEXT NOT NULL,
    level         TEXT NOT NULL,
    since         DATE NOT NULL,
    PRIMARY KEY (kommunenummer, solution)
);
