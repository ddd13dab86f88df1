-- Reference structure of the registry. Data: V3 (generated from reference-data/*.csv).

CREATE TABLE health_region (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

-- Diginettverk: the 11 regional digitalisation networks (pre-2024 county layout).
CREATE TABLE network (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

-- The counties of 2024. Former municipality numbers keep their own county digits, which may name a county
-- that no longer exists, so municipality.county is not a foreign key.
CREATE TABLE county (
    fylkesnummer TEXT PRIMARY KEY CHECK (fylkesnummer ~ '^[0-9]{2}$'),
    name         TEXT NOT NULL,
    valid_from   DATE
);

-- Every municipality number, current or former. A number is valid from valid_from (NULL: before the history we
-- hold) to valid_to (NULL: still valid). Only current numbers have population, network and health region.
CREATE TABLE municipality (
    kommunenummer   TEXT PRIMARY KEY CHECK (kommunenummer ~ '^[0-9]{4}$'),
    name            TEXT NOT NULL,
    county          TEXT NOT NULL,
    valid_from      DATE,
    valid_to        DATE,
    population      INTEGER CHECK (population >= 0),
    population_date DATE,
    network         TEXT REFERENCES network,
    health_region   TEXT REFERENCES health_region,
    epj_vendor      TEXT,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE INDEX municipality_network ON municipality (network);
CREATE INDEX municipality_county ON municipality (county);
CREATE INDEX municipality_health_region ON municipality (health_region);

-- A former number and the current municipality it became (chains resolved: one row per successor). A merge
-- has several predecessors for one successor, a split one predecessor with several successors.
-- effective_date: the day the predecessor number stopped being valid.
CREATE TABLE municipality_succession (
    predecessor    TEXT NOT NULL REFERENCES municipality,
    successor      TEXT NOT NULL REFERENCES municipality,
    effective_date DATE NOT NULL,
    change_type    TEXT NOT NULL CHECK (change_type IN ('RENUMBERED', 'MERGED', 'SPLIT')),
    note           TEXT,
    PRIMARY KEY (predecessor, successor)
);
CREATE INDEX municipality_succession_successor ON municipality_succession (successor);

-- Contacts by role, of a municipality or of a network (exactly one of the two).
CREATE TABLE contact (
    id            UUID PRIMARY KEY,
    kommunenummer TEXT REFERENCES municipality,
    network       TEXT REFERENCES network,
    role          TEXT NOT NULL,
    name          TEXT,
    email         TEXT NOT NULL,
    phone         TEXT,
    updated_at    TIMESTAMPTZ NOT NULL,
    CHECK ((kommunenummer IS NULL) <> (network IS NULL))
);
CREATE INDEX contact_municipality ON contact (kommunenummer);
CREATE INDEX contact_network ON contact (network);

-- Whether the full state has been announced on Kafka once (first start publishes it; see RegistryPublication).
CREATE TABLE registry_publication (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    published_at TIMESTAMPTZ
);
INSERT INTO registry_publication (id, published_at) VALUES (1, NULL);
