-- Views with joins, aggregates, aliases and string literals.
CREATE TABLE orders (id INT PRIMARY KEY, customer VARCHAR(50), total DECIMAL(10,2), state VARCHAR(10));
CREATE TABLE order_lines (order_id INT, sku VARCHAR(20), qty INT);
CREATE VIEW open_orders AS SELECT id, customer, total FROM orders WHERE state = 'open';
CREATE VIEW order_sizes AS
  SELECT o.id AS order_id, COUNT(l.sku) AS line_count, SUM(l.qty) AS units
  FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id
  GROUP BY o.id;
CREATE VIEW labelled (code, label) AS SELECT id, CONCAT('order #', id) FROM orders;
