-- A value no row uses leaves the ENUM: a MODIFY of the column.
CREATE TABLE orders (
    id int NOT NULL PRIMARY KEY,
    state ENUM('new', 'legacy', 'paid', 'shipped') NOT NULL DEFAULT 'new'
) ENGINE=InnoDB;
