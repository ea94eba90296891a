CREATE DOMAIN positive_amount AS numeric(12,2) CHECK (VALUE > 0);
CREATE DOMAIN email_address AS text CHECK (VALUE LIKE '%@%');
CREATE TABLE ledger (id int PRIMARY KEY);
