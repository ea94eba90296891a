CREATE TABLE warehouses (id int PRIMARY KEY, city text NOT NULL);
CREATE TABLE stock (id int PRIMARY KEY, sku text NOT NULL, qty int NOT NULL DEFAULT 0);
