CREATE TABLE items (id int PRIMARY KEY, v int, note text, CONSTRAINT items_note_key UNIQUE (note));
