CREATE TABLE items (id int PRIMARY KEY, v int DEFAULT 1, note text);
