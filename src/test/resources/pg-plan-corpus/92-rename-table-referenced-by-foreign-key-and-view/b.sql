CREATE TABLE customers ( -- strata:renamed-from clients
    id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE invoices (id int PRIMARY KEY, client_id int NOT NULL, total numeric(10,2) NOT NULL,
    CONSTRAINT invoices_client_id_fkey FOREIGN KEY (client_id) REFERENCES customers (id));
CREATE VIEW client_names AS SELECT id, name FROM customers;
