CREATE TABLE products (
    id int NOT NULL PRIMARY KEY,
    code varchar(10) NOT NULL,
    label varchar(10)
) ENGINE=InnoDB;
