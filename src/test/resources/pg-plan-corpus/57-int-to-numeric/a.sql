CREATE TABLE invoices (id int PRIMARY KEY, amount_cents int NOT NULL, tax int);
