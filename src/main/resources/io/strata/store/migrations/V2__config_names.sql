-- A subject's own mode is kept under "mode:" + its name, and names may be 255 characters long: the key
-- column was too short for the longest ones.
ALTER TABLE strata_config ALTER COLUMN name SET DATA TYPE varchar(300);
