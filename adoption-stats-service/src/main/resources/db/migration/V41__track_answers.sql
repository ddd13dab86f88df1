-- The funnel and the solution dashboard name their tracks from the track projection: a renamed or replanned track
-- is a changed input of its solution's answers, like the tables V40 watches.
CREATE TRIGGER track_answers_ins AFTER INSERT ON track REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_answer_version_new();
CREATE TRIGGER track_answers_upd AFTER UPDATE ON track REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_answer_version_new();
CREATE TRIGGER track_answers_del AFTER DELETE ON track REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_answer_version_new();
