ALTER TABLE book ALTER COLUMN code SET DATA TYPE integer USING code::integer;
