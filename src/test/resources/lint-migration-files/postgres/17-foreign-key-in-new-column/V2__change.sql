ALTER TABLE book ADD COLUMN editor_id integer REFERENCES author (id);
