ALTER TABLE book ALTER COLUMN subtitle TYPE text;
