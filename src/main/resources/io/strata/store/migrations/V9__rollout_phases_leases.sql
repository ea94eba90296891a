-- Rollouts carry one phase of a plan or all of it, remember what was checked when they were created, and
-- can pause between waves. Tasks are claimed by a server for a lease, so several servers share a rollout
-- and one takes over the environments of another that died.
ALTER TABLE strata_rollouts ADD COLUMN phase varchar(16);
ALTER TABLE strata_rollouts ADD COLUMN between_waves varchar(16) DEFAULT 'NONE' NOT NULL;
ALTER TABLE strata_rollouts ADD COLUMN open_wave integer DEFAULT 0 NOT NULL;
ALTER TABLE strata_rollouts ADD COLUMN preflight text;
ALTER TABLE strata_rollout_tasks ADD COLUMN owner varchar(128);
ALTER TABLE strata_rollout_tasks ADD COLUMN lease_until timestamp with time zone;
CREATE INDEX strata_rollouts_state ON strata_rollouts (state);
ALTER TABLE strata_rollouts ADD COLUMN note varchar(1000);
ALTER TABLE strata_rollouts ADD COLUMN repair boolean DEFAULT false NOT NULL;
