-- Host municipality arrangements (vertskommune, interkommunalt samarbeid; issue 19 §5): a host acts for partner
-- municipalities, for some solutions or all, from a day to a day. Ending one sets valid_to and the reason and keeps
-- the row, so the history stays.
CREATE TABLE host_arrangement (
    id            UUID PRIMARY KEY,
    name          TEXT        NOT NULL,
    host          TEXT        NOT NULL REFERENCES municipality,
    all_solutions BOOLEAN     NOT NULL,
    valid_from    DATE        NOT NULL,
    valid_to      DATE,
    end_reason    TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX host_arrangement_host ON host_arrangement (host);

CREATE TABLE host_arrangement_partner (
    arrangement   UUID NOT NULL REFERENCES host_arrangement,
    kommunenummer TEXT NOT NULL REFERENCES municipality,
    PRIMARY KEY (arrangement, kommunenummer)
);
CREATE INDEX host_arrangement_partner_municipality ON host_arrangement_partner (kommunenummer);

CREATE TABLE host_arrangement_solution (
    arrangement UUID NOT NULL REFERENCES host_arrangement,
    solution    TEXT NOT NULL REFERENCES solution,
    PRIMARY KEY (arrangement, solution)
);
