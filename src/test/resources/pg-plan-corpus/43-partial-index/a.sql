CREATE TABLE jobs (id int PRIMARY KEY, queue text NOT NULL, state text NOT NULL, run_at timestamptz NOT NULL, finished_at timestamptz);
