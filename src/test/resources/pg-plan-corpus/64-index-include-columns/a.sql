CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL, status text NOT NULL, total numeric(10,2) NOT NULL);
CREATE INDEX orders_customer_idx ON orders (customer_id);
