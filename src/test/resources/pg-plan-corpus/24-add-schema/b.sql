CREATE TABLE items (id int PRIMARY KEY, v int, note text);
CREATE SCHEMA billing;
COMMENT ON SCHEMA billing IS 'money';
CREATE TYPE billing.state AS ENUM ('open', 'paid');
CREATE TABLE billing.invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, item_id int REFERENCES public.items (id), state billing.state DEFAULT 'open');
CREATE VIEW billing.open_invoices AS SELECT id FROM billing.invoices WHERE state = 'open';
