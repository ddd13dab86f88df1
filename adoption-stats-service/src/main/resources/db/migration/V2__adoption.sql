-- The registry's municipalities (current and former numbers) and solutions, as announced on its topics.
CREATE TABLE municipality (
    kommunenummer TEXT PRIMARY KEY,
    name          TEXT        NOT NULL,
    county        TEXT        NOT NULL,
    network       TEXT,
    health_region TEXT,
    population    INTEGER,
    valid_from    DATE,
    valid_to      DATE,
    successors    TEXT[]      NOT NULL DEFAULT '{}',
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX municipality_network ON municipality (network);

CREATE TABLE solution (
    code       TEXT PRIMARY KEY,
    name       TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- Every status NHN reported (duplicates by event id excluded), for time travel and per-municipality history.
CREATE TABLE status_report (
    id                     BIGSERIAL PRIMARY KEY,
    event_id               TEXT        NOT NULL,
    kommunenummer          TEXT        NOT NULL,
    reported_kommunenummer TEXT        NOT NULL,
    solution               TEXT        NOT NULL,
    status                 TEXT        NOT NULL,
    effective_date         DATE        NOT NULL,
    received_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX status_report_lookup ON status_report (solution, kommunenummer, effective_date, id);

-- The current status per municipality and solution: the report with the latest effective date.
CREATE TABLE adoption_status (
    kommunenummer  TEXT NOT NULL,
    solution       TEXT NOT NULL,
    status         TEXT NOT NULL,
    effective_date DATE NOT NULL,
    PRIMARY KEY (solution, kommunenummer)
);

-- The current usage figure per municipality, solution, metric and month; a new report is a correction.
CREATE TABLE usage_figure (
    kommunenummer TEXT             NOT NULL,
    solution      TEXT             NOT NULL,
    metric        TEXT             NOT NULL,
    period        TEXT             NOT NULL,
    value         DOUBLE PRECISION NOT NULL,
    reported_at   TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (solution, metric, period, kommunenummer)
);

-- Replaced usage figures, with when each was reported and when it was replaced.
CREATE TABLE usage_correction (
    id            BIGSERIAL PRIMARY KEY,
    kommunenummer TEXT             NOT NULL,
    solution      TEXT             NOT NULL,
    metric        TEXT             NOT NULL,
    period        TEXT             NOT NULL,
    value         DOUBLE PRECISION NOT NULL,
    reported_at   TIMESTAMPTZ      NOT NULL,
    replaced_at   TIMESTAMPTZ      NOT NULL
);

-- went-live announced once per municipality and solution.
CREATE TABLE went_live_announced (
    kommunenummer TEXT NOT NULL,
    solution      TEXT NOT NULL,
    effective_date DATE NOT NULL,
    PRIMARY KEY (kommunenummer, solution)
);
