-- No primary key, no rows: nothing to lose, so no --allow-data-loss is needed, and rollback brings it back.
CREATE TABLE scratch_log (at datetime, line text, level int, KEY scratch_log_at_idx (at)) ENGINE=InnoDB;
CREATE TABLE keep (id int NOT NULL PRIMARY KEY) ENGINE=InnoDB;
