CREATE TABLE counters (
    id int NOT NULL PRIMARY KEY,
    hits int NOT NULL DEFAULT 0,
    misses int
) ENGINE=InnoDB;
