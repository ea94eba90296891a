ALTER TABLE book ADD COLUMN edition integer NOT NULL;
