-- The plan back: the migration that takes the live schema a check saw to the version it should be at, as JSON.
-- It is kept with the report it belongs to rather than recomputed on read, because reading it then would mean
-- reaching the environment again, and the schema found there may no longer be the one the report describes.
-- Null when nothing was rolled out there, and for reports written before this column.
ALTER TABLE strata_drift ADD COLUMN repair text;
