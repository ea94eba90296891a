ALTER TABLE book MODIFY subtitle varchar(150);
