CREATE TABLE diary (
    id int NOT NULL PRIMARY KEY,
    entry text
) ENGINE=InnoDB;
