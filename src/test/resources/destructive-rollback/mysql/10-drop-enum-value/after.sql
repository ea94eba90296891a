CREATE TABLE orders (
    id int NOT NULL PRIMARY KEY,
    state ENUM('new', 'paid', 'shipped') NOT NULL DEFAULT 'new'
) ENGINE=InnoDB;
