-- decimal(12,4) to decimal(12,2) with values that fit.
CREATE TABLE prices (
    id int NOT NULL PRIMARY KEY,
    amount decimal(12,4) NOT NULL,
    discount decimal(6,3)
) ENGINE=InnoDB;
