-- The versions of the answers' inputs (KeptAnswers): a row per solution, and '*' for what every answer reads (the
-- registry's municipalities and solutions). Triggers bump them in the transaction that changes an input, so no
-- writer can forget to, and every replica learns of the change from the database, not from its own memory.
CREATE TABLE answer_version (
    scope text PRIMARY KEY,
    version bigint NOT NULL
);

-- One bump per solution a statement touched (a batch of 1,000 reports is one statement per table, so one bump).
CREATE FUNCTION bump_answer_version_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO answer_version (scope, version)
        SELECT DISTINCT solution, 1 FROM changed_rows ORDER BY 1
        ON CONFLICT (scope) DO UPDATE SET version = answer_version.version + 1;
    RETURN NULL;
END $$;

CREATE FUNCTION bump_answer_version_global() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO answer_version (scope, version) VALUES ('*', 1)
        ON CONFLICT (scope) DO UPDATE SET version = answer_version.version + 1;
    RETURN NULL;
END $$;

-- Transition tables take one event per trigger: insert and update read the new rows, delete the old ones.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['status_report', 'adoption_status', 'usage_figure', 'ambition', 'enrollment'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows '
                || 'FOR EACH STATEMENT EXECUTE FUNCTION bump_answer_version_new()', t || '_answers_ins', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows '
                || 'FOR EACH STATEMENT EXECUTE FUNCTION bump_answer_version_new()', t || '_answers_upd', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows '
                || 'FOR EACH STATEMENT EXECUTE FUNCTION bump_answer_version_new()', t || '_answers_del', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['municipality', 'solution'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                || 'FOR EACH STATEMENT EXECUTE FUNCTION bump_answer_version_global()', t || '_answers', t);
    END LOOP;
END $$;
