-- The registry's vendor references of each municipality (codes, as on registry.municipalities.v1 `vendors`): a
-- per-vendor track names a vendor code, which the free-text epj_vendor ("HsPro/Visma") rarely equals.
ALTER TABLE municipality ADD COLUMN vendors JSONB NOT NULL DEFAULT '[]';
