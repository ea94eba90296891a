INSERT INTO customers (name) VALUES ('Ada'), ('Alan');
INSERT INTO orders (customer_id, status, total) VALUES (1, 'paid', 10.50), (2, 'new', 0), (1, 'shipped', 99.99);
INSERT INTO shipments VALUES (1, 102, 'post'), (2, NULL, 'courier');
