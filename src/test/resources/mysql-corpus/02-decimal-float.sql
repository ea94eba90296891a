-- Exact and approximate numbers.
CREATE TABLE prices (
  id INT NOT NULL PRIMARY KEY,
  amount DECIMAL(12,2) NOT NULL,
  rate DECIMAL(5,4) UNSIGNED,
  whole DECIMAL(10),
  plain_numeric NUMERIC,
  ratio FLOAT,
  big_ratio DOUBLE,
  precise DOUBLE PRECISION,
  r REAL
);
