CREATE TABLE items (id int PRIMARY KEY, v int, note text);
CREATE SCHEMA billing;
CREATE TABLE billing.invoices (id int PRIMARY KEY, item_id int REFERENCES public.items (id));
