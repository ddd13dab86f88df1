-- An ambition counts an adoption level (ACTIVE, or TECHNICALLY_READY "made available" as the seeds' 2023 table),
-- is a number of municipalities or a share of those in its scope, and its scope is national, a health region or a
-- Diginettverk. Existing ambitions were national counts of ACTIVE municipalities.
ALTER TABLE ambition ADD COLUMN level TEXT NOT NULL DEFAULT 'ACTIVE'
    CHECK (level IN ('ORDERED', 'TECHNICALLY_READY', 'ACTIVE'));
ALTER TABLE ambition ADD COLUMN scope TEXT NOT NULL DEFAULT 'NATIONAL'
    CHECK (scope IN ('NATIONAL', 'HEALTH_REGION', 'NETWORK'));
ALTER TABLE ambition ADD COLUMN scope_code TEXT NOT NULL DEFAULT 'NO';
ALTER TABLE ambition ADD COLUMN share DOUBLE PRECISION CHECK (share > 0 AND share <= 1);
-- The base the source states the ambition against ("147 of 170"), when it is not simply every municipality.
ALTER TABLE ambition ADD COLUMN out_of INTEGER CHECK (out_of >= 0);
ALTER TABLE ambition ALTER COLUMN target DROP NOT NULL;
ALTER TABLE ambition ADD CONSTRAINT ambition_target_or_share CHECK ((target IS NULL) <> (share IS NULL));
ALTER TABLE ambition DROP CONSTRAINT ambition_pkey;
ALTER TABLE ambition ADD PRIMARY KEY (solution, year, scope, scope_code);
