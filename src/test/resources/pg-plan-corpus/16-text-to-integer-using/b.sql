CREATE TABLE items (id int PRIMARY KEY, v integer, note text);
