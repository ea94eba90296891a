CREATE TABLE prices (
    id int NOT NULL PRIMARY KEY,
    amount decimal(12,2) NOT NULL,
    discount decimal(6,2)
) ENGINE=InnoDB;
