CREATE TABLE items (id int PRIMARY KEY, v int, note text);
CREATE SEQUENCE ticket_seq AS integer INCREMENT BY 10 START WITH 100;
