CREATE TABLE solution (
    code        TEXT PRIMARY KEY,
    name        TEXT        NOT NULL,
    area        TEXT        NOT NULL,
    owner       TEXT        NOT NULL,
    description TEXT,
    stage       TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
