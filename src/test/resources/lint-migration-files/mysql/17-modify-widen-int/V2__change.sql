ALTER TABLE book MODIFY price bigint;
