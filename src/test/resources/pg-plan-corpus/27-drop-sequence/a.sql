CREATE TABLE items (id int PRIMARY KEY, v int, note text);
CREATE SEQUENCE ticket_seq;
