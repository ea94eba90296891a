CREATE TABLE items (id int PRIMARY KEY, v text, note text);
