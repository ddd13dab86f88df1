-- Solution dependencies: a solution builds on others being in place first (issue 19 §3). SFM and PLL build on
-- Kjernejournal (seed 003: the roadmap's medicines area).
CREATE TABLE solution_requirement (
    solution TEXT NOT NULL REFERENCES solution,
    requires TEXT NOT NULL REFERENCES solution,
    PRIMARY KEY (solution, requires),
    CHECK (solution <> requires)
);
CREATE INDEX solution_requirement_requires ON solution_requirement (requires);

INSERT INTO solution_requirement (solution, requires) VALUES
  ('sfm', 'kjernejournal'),
  ('pll', 'kjernejournal');

-- The solution events now carry requires: announce the whole registry once more on the next start (consumers
-- upsert by state, so a republish changes nothing else for them).
UPDATE registry_publication SET published_at = NULL;
