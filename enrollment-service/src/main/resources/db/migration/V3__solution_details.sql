-- The solution pages show the catalogue by priority area, with the owner and the registry's description.
-- Rows projected before this column existed get them with the next solution event (the topic is compacted and
-- every event carries the whole solution).
ALTER TABLE solution ADD COLUMN area TEXT;
ALTER TABLE solution ADD COLUMN owner TEXT;
ALTER TABLE solution ADD COLUMN description TEXT;
