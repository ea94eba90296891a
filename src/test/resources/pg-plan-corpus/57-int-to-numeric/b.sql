CREATE TABLE invoices (id int PRIMARY KEY, amount_cents numeric(14,2) NOT NULL, tax numeric);
