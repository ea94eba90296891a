CREATE TABLE counters (
    id int PRIMARY KEY,
    hits int NOT NULL DEFAULT 0,
    misses int
);
