CREATE TABLE clients (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE invoices (id int PRIMARY KEY, client_id int NOT NULL REFERENCES clients (id), total numeric(10,2) NOT NULL);
CREATE VIEW client_names AS SELECT id, name FROM clients;
