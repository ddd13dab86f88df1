-- Nynorsk beside bokmål. The municipality's official målform comes from the registry (registry.municipalities.v1);
-- a person's own choice, where made, is kept per address and wins over it.
ALTER TABLE municipality
    ADD COLUMN language TEXT NOT NULL DEFAULT 'BOKMAL' CHECK (language IN ('BOKMAL', 'NYNORSK'));

CREATE TABLE recipient_language (
    address    TEXT        PRIMARY KEY,
    language   TEXT        NOT NULL CHECK (language IN ('BOKMAL', 'NYNORSK')),
    updated_by TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
