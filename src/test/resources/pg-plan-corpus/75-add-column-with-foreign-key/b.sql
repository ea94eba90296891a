CREATE TABLE warehouses (id int PRIMARY KEY, city text NOT NULL);
CREATE TABLE stock (id int PRIMARY KEY, sku text NOT NULL, qty int NOT NULL DEFAULT 0,
    warehouse_id int REFERENCES warehouses (id) ON DELETE RESTRICT,
    CONSTRAINT stock_sku_warehouse_key UNIQUE (sku, warehouse_id));
