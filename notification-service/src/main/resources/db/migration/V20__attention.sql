-- Who can still act on a deadline: the municipality's EPJ vendor (per-vendor tracks), the solution of each
-- enrollment (sibling tracks of one solution), and the solutions NHN's data shows a municipality live on.
ALTER TABLE municipality ADD COLUMN epj_vendor TEXT;
ALTER TABLE enrollment ADD COLUMN solution TEXT;

CREATE TABLE solution (
    code       TEXT PRIMARY KEY,
    name       TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE solution_adoption (
    kommunenummer  TEXT NOT NULL,
    solution       TEXT NOT NULL,
    effective_date DATE NOT NULL,
    PRIMARY KEY (kommunenummer, solution)
);

-- "Reminded about this solution lately?" is asked for every municipality of every deadline reminder.
CREATE INDEX notification_reminded ON notification (kommunenummer, created_at)
    WHERE kind = 'DEADLINE_APPROACHING' AND channel = 'EMAIL';
