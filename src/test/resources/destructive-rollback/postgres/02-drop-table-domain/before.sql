-- A domain Strata reads by name only: the backup keeps the values as text, the restore casts them back.
CREATE DOMAIN positive_amount AS numeric(12,2) CHECK (VALUE > 0);
CREATE DOMAIN email_address AS text CHECK (VALUE LIKE '%@%');
CREATE TABLE payments (
    id int PRIMARY KEY,
    amount positive_amount NOT NULL,
    payer email_address,
    note text
);
CREATE TABLE ledger (id int PRIMARY KEY);
