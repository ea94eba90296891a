CREATE SCHEMA billing;
CREATE SCHEMA crm;
CREATE TABLE billing.accounts (id int PRIMARY KEY, currency char(3) NOT NULL DEFAULT 'EUR');
CREATE TABLE crm.contacts (id int PRIMARY KEY, email text NOT NULL, billing_account_id int);
