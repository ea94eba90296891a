ALTER TABLE book CHANGE COLUMN code sku varchar(20);
