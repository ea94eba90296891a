CREATE TABLE items (id int PRIMARY KEY, v numeric(12,2), note text);
