-- Names beside the codes the registry's municipality events carry (county, Diginettverk, health region): the
-- dashboards and downloads show both. The same reference data as registry-service's V3; counties include the
-- pre-2024 numbers that former municipalities carry.
CREATE TABLE network_name (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
INSERT INTO network_name (code, name) VALUES
  ('digi-agder', 'Digi Agder'),
  ('digi-innlandet', 'Digi Innlandet'),
  ('digi-more-og-romsdal', 'Digi Møre og Romsdal'),
  ('digi-nordland', 'Digi Nordland'),
  ('digi-oslo', 'Digi Oslo'),
  ('digi-rogaland', 'Digi Rogaland'),
  ('digi-troms-og-finnmark', 'Digi Troms og Finnmark'),
  ('digi-trondelag', 'Digi Trøndelag'),
  ('digi-vestfold-og-telemark', 'Digi Vestfold og Telemark'),
  ('digi-vestland', 'Digi Vestland'),
  ('digi-viken', 'Digi Viken');

CREATE TABLE health_region_name (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
INSERT INTO health_region_name (code, name) VALUES
  ('helse-midt-norge', 'Helse Midt-Norge RHF'),
  ('helse-nord', 'Helse Nord RHF'),
  ('helse-sor-ost', 'Helse Sør-Øst RHF'),
  ('helse-vest', 'Helse Vest RHF');

CREATE TABLE county_name (
    fylkesnummer TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    current      BOOLEAN NOT NULL
);
INSERT INTO county_name (fylkesnummer, name, current) VALUES
  ('03', 'Oslo', TRUE),
  ('11', 'Rogaland', TRUE),
  ('15', 'Møre og Romsdal', TRUE),
  ('18', 'Nordland - Nordlánnda', TRUE),
  ('31', 'Østfold', TRUE),
  ('32', 'Akershus', TRUE),
  ('33', 'Buskerud', TRUE),
  ('34', 'Innlandet', TRUE),
  ('39', 'Vestfold', TRUE),
  ('40', 'Telemark', TRUE),
  ('42', 'Agder', TRUE),
  ('46', 'Vestland', TRUE),
  ('50', 'Trøndelag - Trööndelage', TRUE),
  ('55', 'Troms - Romsa - Tromssa', TRUE),
  ('56', 'Finnmark - Finnmárku - Finmarkku', TRUE),
  ('30', 'Viken', FALSE),
  ('38', 'Vestfold og Telemark', FALSE),
  ('54', 'Troms og Finnmark - Romsa ja Finnmárku - Tromssa ja Finmarkku', FALSE);
