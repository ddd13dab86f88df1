-- The municipality's official målform (the language it has chosen under the Language Act): the form messages to it
-- are written in. Not in SSB's reference data, so every number starts as bokmål and an admin corrects it.
ALTER TABLE municipality
    ADD COLUMN language TEXT NOT NULL DEFAULT 'BOKMAL' CHECK (language IN ('BOKMAL', 'NYNORSK'));

-- The municipality events now carry the målform: announce the whole registry again on the next start, so consumers
-- learn it for every number.
UPDATE registry_publication SET published_at = NULL;
