CREATE TABLE warehouses (id int PRIMARY KEY, name text);
