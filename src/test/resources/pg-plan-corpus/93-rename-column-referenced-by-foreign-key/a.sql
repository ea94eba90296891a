CREATE TABLE clients (id int PRIMARY KEY, code text NOT NULL UNIQUE);
CREATE TABLE invoices (id int PRIMARY KEY, client_code text NOT NULL REFERENCES clients (code));
