CREATE TABLE tickets (id int PRIMARY KEY, subject text NOT NULL, number bigint);
CREATE SEQUENCE tickets_number_seq AS bigint START WITH 1000 OWNED BY tickets.number;
ALTER TABLE tickets ALTER COLUMN number SET DEFAULT nextval('tickets_number_seq');
