CREATE TABLE order_lines (id int PRIMARY KEY, qty int NOT NULL, unit_price numeric(10,2) NOT NULL, first_name text, last_name text);
