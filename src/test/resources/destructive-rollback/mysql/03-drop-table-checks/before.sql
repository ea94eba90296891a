-- Check constraints, defaults, a composite primary key.
CREATE TABLE stock (
    warehouse int NOT NULL,
    sku varchar(20) NOT NULL,
    quantity int NOT NULL DEFAULT 0,
    reserved int NOT NULL DEFAULT 0,
    updated datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (warehouse, sku),
    CONSTRAINT quantity_not_negative CHECK (quantity >= 0),
    CONSTRAINT reserved_within_quantity CHECK (reserved <= quantity)
) ENGINE=InnoDB;
CREATE TABLE warehouses (id int NOT NULL PRIMARY KEY, name varchar(50)) ENGINE=InnoDB;
