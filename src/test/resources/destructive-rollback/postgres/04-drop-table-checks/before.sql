-- Column and table check constraints, a default expression, a composite primary key.
CREATE TABLE stock (
    warehouse int NOT NULL,
    sku varchar(20) NOT NULL,
    quantity int NOT NULL DEFAULT 0 CHECK (quantity >= 0),
    reserved int NOT NULL DEFAULT 0,
    updated timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (warehouse, sku),
    CONSTRAINT reserved_within_quantity CHECK (reserved <= quantity)
);
CREATE TABLE warehouses (id int PRIMARY KEY, name text);
