CREATE TABLE orders (tenant_id int NOT NULL, id int NOT NULL, placed_on date NOT NULL, PRIMARY KEY (tenant_id, id));
CREATE TABLE order_lines (tenant_id int NOT NULL, order_id int NOT NULL, line_no int NOT NULL, sku text NOT NULL, qty int NOT NULL,
    PRIMARY KEY (tenant_id, order_id, line_no),
    CONSTRAINT order_lines_order_fk FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id) ON DELETE CASCADE);
