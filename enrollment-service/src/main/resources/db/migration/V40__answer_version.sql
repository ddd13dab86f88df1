-- The version of the catalogue pages' inputs (KeptAnswers in the platform): one row, '*', bumped by triggers in
-- the transaction that changes a solution, a track or an enrollment (places taken), so every replica learns of the
-- change from the database and no writer can forget to bump it.
CREATE TABLE answer_version (
    scope text PRIMARY KEY,
    version bigint NOT NULL
);

CREATE FUNCTION bump_answer_version_global() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO answer_version (scope, version) VALUES ('*', 1)
        ON CONFLICT (scope) DO UPDATE SET version = answer_version.version + 1;
    RETURN NULL;
END $$;

CREATE TRIGGER solution_answers AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON solution
    FOR EACH STATEMENT EXECUTE FUNCTION bump_answer_version_global();
CREATE TRIGGER track_answers AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON track
    FOR EACH STATEMENT EXECUTE FUNCTION bump_answer_version_global();
CREATE TRIGGER enrollment_answers AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enrollment
    FOR EACH STATEMENT EXECUTE FUNCTION bump_answer_version_global();
