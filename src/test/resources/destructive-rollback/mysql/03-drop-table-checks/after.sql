CREATE TABLE warehouses (id int NOT NULL PRIMARY KEY, name varchar(50)) ENGINE=InnoDB;
