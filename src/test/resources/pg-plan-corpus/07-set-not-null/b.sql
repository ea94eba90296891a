CREATE TABLE items (id int PRIMARY KEY, v int NOT NULL, note text);
