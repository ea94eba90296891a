CREATE TABLE people (
    id int NOT NULL PRIMARY KEY,
    name varchar(100) NOT NULL,
    born date
) ENGINE=InnoDB;
