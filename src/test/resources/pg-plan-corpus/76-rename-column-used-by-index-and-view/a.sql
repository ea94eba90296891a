CREATE TABLE customers (id int PRIMARY KEY, mail text NOT NULL, name text);
CREATE UNIQUE INDEX customers_mail_lower_key ON customers (lower(mail));
CREATE VIEW customer_contacts AS SELECT id, mail FROM customers;
