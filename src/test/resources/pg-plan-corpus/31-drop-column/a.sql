CREATE TABLE items (id int PRIMARY KEY, v int, note text);
CREATE INDEX items_note_idx ON items (note);
