CREATE TABLE people (
    id int NOT NULL PRIMARY KEY,
    name varchar(100) NOT NULL,
    nickname varchar(30),
    born date
) ENGINE=InnoDB;
