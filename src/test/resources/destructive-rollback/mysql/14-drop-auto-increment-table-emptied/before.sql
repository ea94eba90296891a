-- AUTO_INCREMENT above the largest row (rows deleted at the end): the table comes back with its counter.
CREATE TABLE events (
    id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind varchar(20) NOT NULL,
    at timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE=InnoDB;
CREATE TABLE keep (id int NOT NULL PRIMARY KEY) ENGINE=InnoDB;
