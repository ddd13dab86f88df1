-- National ambitions (targets) per solution and year, e.g. 2023: Kjernejournal 356 municipalities.
CREATE TABLE ambition (
    solution   TEXT        NOT NULL,
    year       INTEGER     NOT NULL CHECK (year BETWEEN 2020 AND 2100),
    target     INTEGER     NOT NULL CHECK (target >= 0),
    note       TEXT,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by TEXT        NOT NULL,
    PRIMARY KEY (solution, year)
);
