CREATE TABLE counters (
    id int PRIMARY KEY,
    hits bigint NOT NULL DEFAULT 0,
    misses bigint
);
