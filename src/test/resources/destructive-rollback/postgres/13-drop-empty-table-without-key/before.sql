-- No primary key, no rows: nothing to lose, so no --allow-data-loss is needed, and rollback brings it back.
CREATE TABLE scratch_log (at timestamp, line text, level int CHECK (level > 0));
CREATE INDEX scratch_log_at_idx ON scratch_log (at);
CREATE TABLE keep (id int PRIMARY KEY);
