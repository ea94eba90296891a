ALTER TABLE book CHANGE code sku varchar(20) NOT NULL;
