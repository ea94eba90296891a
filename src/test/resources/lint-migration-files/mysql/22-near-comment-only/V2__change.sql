ALTER TABLE book MODIFY name varchar(100) NOT NULL COMMENT 'title as printed';
