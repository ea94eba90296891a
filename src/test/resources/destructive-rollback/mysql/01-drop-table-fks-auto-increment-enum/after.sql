CREATE TABLE customers (
    id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name varchar(100) NOT NULL
) ENGINE=InnoDB;
CREATE TABLE shipments (
    id int NOT NULL PRIMARY KEY,
    order_id bigint,
    carrier varchar(20),
    KEY shipments_order_fk (order_id)
) ENGINE=InnoDB;
