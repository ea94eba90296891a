-- Comments on tables, columns and indexes, with quotes and backslashes.
CREATE TABLE customers (
  id INT PRIMARY KEY COMMENT 'surrogate key',
  name VARCHAR(100) NOT NULL COMMENT 'the customer''s "display" name',
  path VARCHAR(100) COMMENT 'C:\\data',
  KEY ix_name (name) COMMENT 'lookup by name'
) COMMENT 'people who buy things';
