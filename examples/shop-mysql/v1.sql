-- MySQL / MariaDB version 1. Replaying MySQL DDL needs a scratch server: --dev-url jdbc:mariadb://127.0.0.1:3306/?user=root
CREATE TABLE products (
    id       int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sku      varchar(32) NOT NULL,
    title    varchar(200) NOT NULL,
    price    decimal(10,2) NOT NULL DEFAULT 0.00,
    state    enum('draft','live','retired') NOT NULL DEFAULT 'draft',
    UNIQUE KEY products_sku (sku)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
