CREATE TABLE clients (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE invoices (id int PRIMARY KEY, client_id int NOT NULL REFERENCES clients (id));
