-- The role the actor acted in, shown instead of the actor's name (an e-mail address) to those who do not manage
-- the track (docs/security.md). Rows from before are by a person unless NHN's data made the change.
ALTER TABLE enrollment_history ADD COLUMN actor_role TEXT;
UPDATE enrollment_history SET actor_role = 'system' WHERE actor = 'adoption-stats';
