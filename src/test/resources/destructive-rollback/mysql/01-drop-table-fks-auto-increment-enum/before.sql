-- A foreign key out of the table, one into it, an ENUM column, AUTO_INCREMENT past deleted rows.
CREATE TABLE customers (
    id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name varchar(100) NOT NULL
) ENGINE=InnoDB;
CREATE TABLE orders (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id int NOT NULL,
    status ENUM('new', 'paid', 'shipped') NOT NULL DEFAULT 'new',
    total decimal(10,2) NOT NULL,
    KEY orders_customer_idx (customer_id),
    CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=100 COMMENT='what customers bought';
CREATE TABLE shipments (
    id int NOT NULL PRIMARY KEY,
    order_id bigint,
    carrier varchar(20),
    CONSTRAINT shipments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE=InnoDB;
