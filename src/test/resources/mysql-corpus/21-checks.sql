-- Check constraints: named, unnamed, column-level and multi-column.
CREATE TABLE products (
  id INT PRIMARY KEY,
  price DECIMAL(10,2) NOT NULL CHECK (price >= 0),
  discount DECIMAL(10,2) NOT NULL DEFAULT 0,
  name VARCHAR(50) NOT NULL,
  CONSTRAINT chk_discount CHECK (discount <= price),
  CHECK (char_length(name) > 2),
  CONSTRAINT chk_name_text CHECK (name <> 'it''s')
);
