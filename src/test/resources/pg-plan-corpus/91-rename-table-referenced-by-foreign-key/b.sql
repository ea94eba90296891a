CREATE TABLE customers ( -- strata:renamed-from clients
    id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE invoices (id int PRIMARY KEY, client_id int NOT NULL REFERENCES customers (id));
