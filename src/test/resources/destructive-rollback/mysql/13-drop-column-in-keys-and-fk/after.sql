CREATE TABLE teams (id int NOT NULL PRIMARY KEY, name varchar(20) NOT NULL) ENGINE=InnoDB;
CREATE TABLE members (
    id int NOT NULL PRIMARY KEY,
    badge varchar(12),
    email varchar(100) NOT NULL
) ENGINE=InnoDB;
