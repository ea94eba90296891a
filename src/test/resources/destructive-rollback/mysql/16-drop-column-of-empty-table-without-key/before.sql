-- No primary key, no rows: a NOT NULL column is dropped without --allow-data-loss and comes back NOT NULL.
CREATE TABLE staging (code varchar(10) NOT NULL, qty int NOT NULL DEFAULT 1, note varchar(20)) ENGINE=InnoDB;
