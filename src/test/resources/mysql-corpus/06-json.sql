-- JSON columns: MariaDB stores them as LONGTEXT with an implicit json_valid check.
CREATE TABLE documents (
  id INT PRIMARY KEY,
  payload JSON NOT NULL,
  meta JSON,
  raw LONGTEXT,
  CONSTRAINT meta_is_object CHECK (json_type(meta) = 'OBJECT')
);
