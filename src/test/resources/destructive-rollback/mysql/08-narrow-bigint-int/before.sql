CREATE TABLE counters (
    id int NOT NULL PRIMARY KEY,
    hits bigint NOT NULL DEFAULT 0,
    misses bigint
) ENGINE=InnoDB;
