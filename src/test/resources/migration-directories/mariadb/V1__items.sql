CREATE TABLE items (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name varchar(100) NOT NULL,
    price decimal(10,2) NOT NULL DEFAULT 0
) ENGINE=InnoDB;
