CREATE TABLE clients (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE bills ( -- strata:renamed-from invoices
    id int PRIMARY KEY, client_id int NOT NULL CONSTRAINT invoices_client_id_fkey REFERENCES clients (id));
