-- Generated columns, virtual and stored, with an index on one of them.
CREATE TABLE line_items (
  id INT PRIMARY KEY,
  qty INT NOT NULL,
  unit_price DECIMAL(10,2) NOT NULL,
  total DECIMAL(12,2) AS (qty * unit_price) STORED,
  label VARCHAR(50) GENERATED ALWAYS AS (CONCAT('item-', id)) VIRTUAL,
  big TINYINT AS (qty > 100) VIRTUAL,
  KEY ix_total (total)
);
