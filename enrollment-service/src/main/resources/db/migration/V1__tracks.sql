-- The registry's solution catalogue as this service knows it (from registry.solutions.v1).
CREATE TABLE solution (
    code       TEXT PRIMARY KEY,
    name       TEXT        NOT NULL,
    stage      TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- An implementation track (innføringsløp) for one solution.
CREATE TABLE track (
    id                    UUID PRIMARY KEY,
    solution              TEXT        NOT NULL REFERENCES solution,
    name                  TEXT        NOT NULL,
    cohort                TEXT,
    vendor                TEXT,
    description           TEXT,
    capacity              INTEGER CHECK (capacity IS NULL OR capacity >= 1),
    registration_opens    DATE,
    registration_deadline DATE        NOT NULL,
    status                TEXT        NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    created_by            TEXT        NOT NULL,
    CHECK (registration_opens IS NULL OR registration_opens <= registration_deadline)
);
CREATE INDEX track_solution ON track (solution);
