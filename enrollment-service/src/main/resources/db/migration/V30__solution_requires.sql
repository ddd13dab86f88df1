-- The solution page names the solutions a solution builds on ("Krever: Kjernejournal"), from registry.solutions.v1
-- `requires`. Rows projected before get it with the next solution event (the topic is compacted, every event carries
-- the whole solution; POST /api/v1/admin/republish in the registry sends them all again).
ALTER TABLE solution ADD COLUMN requires JSONB NOT NULL DEFAULT '[]';
