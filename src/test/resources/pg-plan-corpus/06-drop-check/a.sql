CREATE TABLE items (id int PRIMARY KEY, v int, note text, CONSTRAINT v_small CHECK (v < 100));
