-- numeric(12,4) to numeric(12,2) with values that fit: the restore must give back the scale, 1.5000 not 1.50.
CREATE TABLE prices (
    id int PRIMARY KEY,
    amount numeric(12,4) NOT NULL,
    discount numeric(6,3)
);
