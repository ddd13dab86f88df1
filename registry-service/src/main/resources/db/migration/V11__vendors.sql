-- EPJ (journal system) and welfare-technology (VFT) vendors as reference data, which solutions their products
-- support and from when, and each municipality's vendors as references (issue 19 §3). Admins maintain them
-- through the API; municipality.epj_vendor (free text) stays for compatibility.
CREATE TABLE vendor (
    code       TEXT PRIMARY KEY CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name       TEXT        NOT NULL,
    kind       TEXT        NOT NULL CHECK (kind IN ('EPJ', 'WELFARE_TECHNOLOGY')),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- A vendor's product supports a solution from a day (a future day: announced, not yet there). product '' when the
-- vendor names no product, so the key needs no NULL.
CREATE TABLE vendor_support (
    vendor         TEXT NOT NULL REFERENCES vendor,
    solution       TEXT NOT NULL REFERENCES solution,
    product        TEXT NOT NULL DEFAULT '',
    supported_from DATE NOT NULL,
    PRIMARY KEY (vendor, solution, product)
);
CREATE INDEX vendor_support_solution ON vendor_support (solution);

CREATE TABLE municipality_vendor (
    kommunenummer TEXT NOT NULL REFERENCES municipality,
    vendor        TEXT NOT NULL REFERENCES vendor,
    PRIMARY KEY (kommunenummer, vendor)
);
CREATE INDEX municipality_vendor_vendor ON municipality_vendor (vendor);

-- The vendors the seeds name (no people): the EPJ vendors of the domain brief and seeds 002/004, and the VFT vendors
-- of the VKP track meetings (seed 001: Careium and NetNordic for response centres, Dignio for medication support).
INSERT INTO vendor (code, name, kind, created_at, updated_at) VALUES
  ('visma', 'Visma', 'EPJ', now(), now()),
  ('cgm', 'CGM', 'EPJ', now(), now()),
  ('infodoc', 'InfoDoc', 'EPJ', now(), now()),
  ('dips', 'DIPS', 'EPJ', now(), now()),
  ('tietoevry', 'TietoEvry', 'EPJ', now(), now()),
  ('helseplattformen', 'Helseplattformen AS', 'EPJ', now(), now()),
  ('careium', 'Careium', 'WELFARE_TECHNOLOGY', now(), now()),
  ('netnordic', 'NetNordic', 'WELFARE_TECHNOLOGY', now(), now()),
  ('dignio', 'Dignio', 'WELFARE_TECHNOLOGY', now(), now());

-- DigiHelsestasjon 2024 ran one common track per EPJ vendor (seed 000): the kick-off day of each vendor's track is
-- the day its product is known to support the solution.
INSERT INTO vendor_support (vendor, solution, product, supported_from) VALUES
  ('visma', 'digihelsestasjon', 'HsPro', '2024-09-10'),
  ('cgm', 'digihelsestasjon', '', '2024-09-17'),
  ('infodoc', 'digihelsestasjon', '', '2024-09-24');

-- Free text already in municipality.epj_vendor becomes a reference where it names a vendor (its name, or a spelling
-- the seeds use); what matches nothing stays text only.
INSERT INTO municipality_vendor (kommunenummer, vendor)
SELECT DISTINCT m.kommunenummer, a.vendor
FROM municipality m
JOIN (VALUES
        ('visma', 'visma'), ('visma', 'hspro'), ('visma', 'hspro/visma'), ('visma', 'visma/hspro'),
        ('visma', 'visma hspro'), ('cgm', 'cgm'), ('infodoc', 'infodoc'), ('dips', 'dips'), ('dips', 'dips front'),
        ('tietoevry', 'tietoevry'), ('tietoevry', 'tieto'), ('tietoevry', 'tietoenvy'), ('tietoevry', 'tieto evry'),
        ('helseplattformen', 'helseplattformen'), ('helseplattformen', 'helseplattformen as'))
     AS a (vendor, spelling)
  ON lower(btrim(m.epj_vendor)) = a.spelling;

-- Municipality events now carry the vendor references, and vendors have their own topic: announce everything once
-- more on the next start.
UPDATE registry_publication SET published_at = NULL;
