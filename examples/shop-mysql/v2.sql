-- MySQL / MariaDB version 2: one member of the ENUM removed, price narrowed, a column renamed.
CREATE TABLE products (
    id       int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sku      varchar(32) NOT NULL,
    name     varchar(200) NOT NULL,       -- strata:renamed-from title
    price    decimal(8,2) NOT NULL DEFAULT 0.00,
    state    enum('draft','live') NOT NULL DEFAULT 'draft',
    UNIQUE KEY products_sku (sku)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
