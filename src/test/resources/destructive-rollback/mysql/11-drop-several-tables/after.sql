CREATE TABLE shelves (id int NOT NULL PRIMARY KEY, label varchar(20)) ENGINE=InnoDB;
