CREATE TABLE clients (id int PRIMARY KEY,
    ref text NOT NULL, -- strata:renamed-from code
    CONSTRAINT clients_code_key UNIQUE (ref));
CREATE TABLE invoices (id int PRIMARY KEY, client_code text NOT NULL CONSTRAINT invoices_client_code_fkey REFERENCES clients (ref));
