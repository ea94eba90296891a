CREATE TABLE products (
    id int NOT NULL PRIMARY KEY,
    code varchar(100) NOT NULL,
    label varchar(100)
) ENGINE=InnoDB;
