ALTER TABLE book ALTER COLUMN subtitle TYPE varchar(200);
