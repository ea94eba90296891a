CREATE TABLE customers (
    id int PRIMARY KEY,
    email text NOT NULL, -- strata:renamed-from mail
    name text
);
CREATE UNIQUE INDEX customers_mail_lower_key ON customers (lower(email));
CREATE VIEW customer_contacts AS SELECT id, email FROM customers;
