ALTER TABLE book ADD COLUMN edition int;
