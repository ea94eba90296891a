ALTER TABLE book MODIFY name varchar(50) NOT NULL;
