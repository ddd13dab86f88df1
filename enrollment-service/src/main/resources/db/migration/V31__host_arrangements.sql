-- Host municipality arrangements (vertskommune) as last announced on registry.host-arrangements.v1: whole state per
-- id, kept after they end (valid_to set), so that the enrollments made under them still say who made them.
CREATE TABLE host_arrangement (
    id            UUID        PRIMARY KEY,
    name          TEXT        NOT NULL,
    host          TEXT        NOT NULL,
    partners      JSONB       NOT NULL DEFAULT '[]',
    all_solutions BOOLEAN     NOT NULL,
    solutions     JSONB       NOT NULL DEFAULT '[]',
    valid_from    DATE        NOT NULL,
    valid_to      DATE,
    end_reason    TEXT,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX host_arrangement_host ON host_arrangement (host);

-- A partner enrollment: one a host municipality made for a partner under an arrangement, linked to the host's own
-- enrollment in the same track. Null for an enrollment the municipality (or a lead, admin or network) made itself.
ALTER TABLE enrollment ADD COLUMN host_enrollment_id UUID REFERENCES enrollment (id);
CREATE INDEX enrollment_host ON enrollment (host_enrollment_id) WHERE host_enrollment_id IS NOT NULL;
