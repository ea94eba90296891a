CREATE TABLE jobs (id int PRIMARY KEY, queue text NOT NULL, state text NOT NULL, run_at timestamptz NOT NULL, finished_at timestamptz);
CREATE INDEX jobs_pending_idx ON jobs (queue, run_at) WHERE state = 'pending';
CREATE UNIQUE INDEX jobs_one_running_per_queue ON jobs (queue) WHERE state = 'running' AND finished_at IS NULL;
