CREATE TABLE products (id int PRIMARY KEY, name text NOT NULL, discontinued boolean NOT NULL DEFAULT false);
CREATE VIEW active_products AS SELECT id, name FROM products WHERE NOT discontinued;
