CREATE TABLE tickets (
    id bigint NOT NULL PRIMARY KEY,
    title varchar(100) NOT NULL,
    opened datetime NOT NULL
) ENGINE=InnoDB;
