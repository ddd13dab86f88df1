-- Enrollments as enrollment-service announces them, for the funnel: enrolled → live, and how long it took.
CREATE TABLE enrollment (
    id            UUID PRIMARY KEY,
    track_id      UUID        NOT NULL,
    solution      TEXT        NOT NULL,
    kommunenummer TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    enrolled_at   TIMESTAMPTZ NOT NULL,
    went_live_on  DATE
);
CREATE INDEX enrollment_solution ON enrollment (solution, track_id);
