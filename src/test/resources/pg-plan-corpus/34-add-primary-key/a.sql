CREATE TABLE items (id int, v int, note text);
